// The controls that decide who answers. "Take over" comes first and biggest whenever the auto-text or the AI holds
// the conversation: on iOS there are no notification actions, so this is the one-tap takeover. "Hand back to AI" is
// offered only to a person holding a conversation the AI had before.
"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { CallBackButton } from "@/components/inbox/call-back-button";
import { postJson } from "@/components/inbox/fetch-json";
import type { ThreadCall, ThreadMode } from "@/components/inbox/types";

export function ThreadActions({
  threadId,
  mode,
  hasAiTurns,
  calls,
  onTakenOver,
  onChanged,
}: {
  threadId: string;
  mode: ThreadMode;
  hasAiTurns: boolean;
  /** the conversation's calls, so Call back can follow the one it placed */
  calls: ThreadCall[];
  onTakenOver: () => void;
  onChanged: () => void;
}) {
  const [pending, setPending] = useState<"takeover" | "release" | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run(action: "takeover" | "release", body?: unknown) {
    setPending(action);
    setError(null);
    try {
      await postJson(`/api/threads/${threadId}/${action}`, body);
      if (action === "takeover") onTakenOver();
      onChanged();
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : "That did not work. Try again.");
    } finally {
      setPending(null);
    }
  }

  const isHuman = mode === "human";
  return (
    <div className="space-y-2">
      {!isHuman ? (
        <Button
          data-testid="takeover-button"
          className="min-h-14 w-full text-lg"
          disabled={pending !== null}
          onClick={() => void run("takeover")}
        >
          {pending === "takeover" ? "Taking over…" : "Take over"}
        </Button>
      ) : null}
      <div className="flex gap-2">
        {mode === "human" && hasAiTurns ? (
          <Button
            look="secondary"
            data-testid="release-button"
            className="flex-1"
            disabled={pending !== null}
            onClick={() => void run("release", { now: true })}
          >
            {pending === "release" ? "Handing back…" : "Hand back to AI"}
          </Button>
        ) : null}
        <CallBackButton threadId={threadId} calls={calls} onCalled={onChanged} />
      </div>
      {error ? (
        <p className="text-sm text-red-700" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
