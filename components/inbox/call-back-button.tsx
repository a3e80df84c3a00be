// "Call back": Ringback rings the professional's phone first and then connects the customer, who sees the business
// number. After the tap it follows the call as Twilio reports it (the thread's live updates carry the call's status):
// ringing, connected, ended, or didn't connect.
"use client";

import { useState } from "react";
import { NavIcon } from "@/components/shell/nav-icon";
import { Button } from "@/components/ui/button";
import { callProgressText, isCallUnderway } from "@/components/inbox/call-progress";
import { postJson } from "@/components/inbox/fetch-json";
import type { ThreadCall } from "@/components/inbox/types";

export function CallBackButton({
  threadId,
  calls,
  onCalled,
}: {
  threadId: string;
  calls: ThreadCall[];
  onCalled?: () => void;
}) {
  const [placed, setPlaced] = useState<{ id: string; status: string } | null>(null);
  const [isPlacing, setIsPlacing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The live status (from the thread) wins over the one the tap answered with.
  const status = placed ? (calls.find((call) => call.id === placed.id)?.status ?? placed.status) : null;

  async function callBack() {
    setIsPlacing(true);
    setError(null);
    try {
      const call = await postJson<{ callId: string; status: string }>(`/api/threads/${threadId}/call-back`);
      setPlaced({ id: call.callId, status: call.status });
      onCalled?.();
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : "The call could not be placed. Try again.");
    } finally {
      setIsPlacing(false);
    }
  }

  const isBusy = isPlacing || (status !== null && isCallUnderway(status));
  return (
    <div className="flex flex-1 flex-col gap-1">
      <Button look="secondary" data-testid="call-back-button" disabled={isBusy} onClick={() => void callBack()}>
        <NavIcon name="phone" className="h-5 w-5 shrink-0" />
        {isPlacing ? "Calling your phone…" : "Call back"}
      </Button>
      {status ? (
        <p className="text-center text-sm text-slate-700" role="status" data-testid="call-back-status">
          {callProgressText(status)}
        </p>
      ) : null}
      {error ? (
        <p className="text-sm text-red-700" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
