// The AI's reply waiting for approval ("AI suggests, I approve"): nothing has gone to the customer yet. Send sends it
// as written, Edit puts it in the reply box (its Send then sends the edited draft), Discard drops it. The server sends
// a draft exactly once: if someone else got there first, the answer says so and the view refreshes.
"use client";

import { useState } from "react";
import { BusinessTime } from "@/components/display/business-time";
import { postJson } from "@/components/inbox/fetch-json";
import type { ThreadDraft } from "@/components/inbox/types";
import { Button } from "@/components/ui/button";

export function DraftCard({
  threadId,
  draft,
  isEditing,
  onEdit,
  onDone,
}: {
  threadId: string;
  draft: ThreadDraft;
  isEditing: boolean;
  onEdit: () => void;
  /** after Send or Discard: null when it worked, else the server's reason (shown by the thread, which outlives this card) */
  onDone: (error: string | null) => void;
}) {
  const [pending, setPending] = useState<"send" | "discard" | null>(null);

  async function run(action: "send" | "discard") {
    setPending(action);
    let error: string | null = null;
    try {
      if (action === "send") await postJson(`/api/threads/${threadId}/draft/send`, { draftId: draft.id });
      else await postJson(`/api/threads/${threadId}/draft`, undefined, "DELETE");
    } catch (cause) {
      error = cause instanceof Error ? cause.message : "That did not work. Try again.";
    } finally {
      setPending(null);
      onDone(error);
    }
  }

  return (
    <li className="flex flex-col items-end" data-testid="ai-draft" aria-label="AI draft, not sent">
      <span className="px-1 text-xs text-slate-500">
        AI draft · not sent ·{" "}
        {draft.autoSendAt ? (
          <>
            sends by itself at <BusinessTime value={draft.autoSendAt} style="time" />
          </>
        ) : (
          "waiting for you"
        )}
      </span>
      <div className="w-full max-w-[85%] rounded-2xl border-2 border-dashed border-violet-400 bg-violet-50 px-3.5 py-2">
        <p className="whitespace-pre-wrap break-words text-base text-violet-950" data-testid="ai-draft-body">
          {draft.body}
        </p>
        {isEditing ? (
          <p className="mt-1 text-sm text-violet-800">Editing in the reply box below.</p>
        ) : (
          // Focus scrolls a button clear of the reply box and tab bar held over the bottom of the thread.
          <div className="mt-2 flex flex-wrap gap-2 [&_button]:scroll-mb-48 md:[&_button]:scroll-mb-32">
            <Button
              data-testid="ai-draft-send"
              className="flex-1"
              disabled={pending !== null}
              onClick={() => void run("send")}
            >
              {pending === "send" ? "Sending…" : "Send"}
            </Button>
            <Button look="secondary" data-testid="ai-draft-edit" disabled={pending !== null} onClick={onEdit}>
              Edit
            </Button>
            <Button
              look="danger"
              data-testid="ai-draft-discard"
              disabled={pending !== null}
              onClick={() => void run("discard")}
            >
              {pending === "discard" ? "Discarding…" : "Discard"}
            </Button>
          </div>
        )}
      </div>
    </li>
  );
}
