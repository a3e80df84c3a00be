// "Call back": Ringback rings the professional's phone first and then connects the customer, who sees the business
// number. After the tap the button says what happens next, because the phone in their pocket is about to ring.
"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { postJson } from "@/components/inbox/fetch-json";

export function CallBackButton({ threadId, onCalled }: { threadId: string; onCalled?: () => void }) {
  const [state, setState] = useState<"idle" | "calling" | "placed">("idle");
  const [error, setError] = useState<string | null>(null);

  async function callBack() {
    setState("calling");
    setError(null);
    try {
      await postJson(`/api/threads/${threadId}/call-back`);
      setState("placed");
      onCalled?.();
    } catch (cause) {
      setState("idle");
      setError(cause instanceof Error ? cause.message : "The call could not be placed. Try again.");
    }
  }

  return (
    <div className="flex flex-1 flex-col gap-1">
      <Button
        look="secondary"
        data-testid="call-back-button"
        disabled={state === "calling"}
        onClick={() => void callBack()}
      >
        {state === "idle" ? "📞 Call back" : "Calling your phone…"}
      </Button>
      {error ? (
        <p className="text-sm text-red-700" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
