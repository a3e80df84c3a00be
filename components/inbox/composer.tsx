// Reply box. Sending takes the conversation over (the server does it in the same step). Disabled, with the reason,
// when the customer opted out. While the AI's draft is being edited, it holds the draft's text and its Send sends the
// edited draft (logged as the draft, edited by this person) instead of a reply of one's own.
"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { BusinessTime } from "@/components/display/business-time";
import { consentReasonText } from "@/components/display/plain-words";
import { postJson } from "@/components/inbox/fetch-json";
import type { ConsentRecord, ThreadDraft } from "@/components/inbox/types";

export function Composer({
  threadId,
  isOptedOut,
  consent = null,
  shouldFocus,
  editingDraft = null,
  onStopEditing = () => undefined,
  onSent,
}: {
  threadId: string;
  isOptedOut: boolean;
  consent?: ConsentRecord | null;
  shouldFocus: boolean;
  /** the AI draft being edited here, if any */
  editingDraft?: ThreadDraft | null;
  onStopEditing?: () => void;
  onSent: () => void;
}) {
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [isSending, setIsSending] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);
  // A draft put up for editing brings its text into the box (once per draft; the person's typing is kept after).
  const editingId = editingDraft?.id ?? null;
  const [loadedDraftId, setLoadedDraftId] = useState<string | null>(null);
  if (editingId !== loadedDraftId) {
    setLoadedDraftId(editingId);
    if (editingDraft) setBody(editingDraft.body);
  }

  useEffect(() => {
    if (shouldFocus || editingId) input.current?.focus();
  }, [shouldFocus, editingId]);

  async function send() {
    const text = body.trim();
    if (!text) return;
    setIsSending(true);
    setError(null);
    try {
      if (editingDraft) {
        await postJson(`/api/threads/${threadId}/draft/send`, { body: text, draftId: editingDraft.id });
        onStopEditing();
      } else {
        await postJson(`/api/threads/${threadId}/messages`, { body: text });
      }
      setBody("");
      onSent();
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : "Could not send.");
    } finally {
      setIsSending(false);
    }
  }

  if (isOptedOut) {
    return (
      <div className="rounded-xl bg-slate-100 p-3 text-sm text-slate-700" data-testid="composer-disabled">
        <p>
          {consent?.action === "opt_out" ? (
            <>
              Opted out {consentReasonText(consent)}
              {" · "}
              <BusinessTime value={consent.createdAt} />
            </>
          ) : (
            "This customer opted out of texts."
          )}
        </p>
        <p className="mt-1">No one can text them until they reply START (or COMENZAR).</p>
      </div>
    );
  }
  return (
    <div>
      {editingDraft ? (
        <div
          className="mb-1 flex items-center justify-between gap-2 text-sm text-violet-800"
          data-testid="composer-draft"
        >
          <span>Editing the AI&apos;s draft: Send sends your version.</span>
          <button
            type="button"
            className="min-h-11 rounded-lg px-2 font-semibold text-violet-800 underline focus-visible:outline-2 focus-visible:outline-brand-600"
            onClick={() => {
              setBody("");
              setError(null);
              onStopEditing();
            }}
          >
            Cancel edit
          </button>
        </div>
      ) : null}
      <form className="flex items-end gap-2" onSubmit={(event) => (event.preventDefault(), void send())}>
        <label className="sr-only" htmlFor="composer">
          {editingDraft ? "Edit the AI's draft" : "Reply"}
        </label>
        <textarea
          id="composer"
          ref={input}
          data-testid="composer-input"
          rows={editingDraft ? 4 : 2}
          maxLength={1600}
          value={body}
          onChange={(event) => setBody(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) void send();
          }}
          placeholder="Type a reply…"
          className="min-h-11 flex-1 resize-none rounded-xl border border-slate-300 px-3 py-2 text-base"
        />
        <Button type="submit" data-testid="composer-send" disabled={isSending || !body.trim()}>
          Send
        </Button>
      </form>
      {error ? (
        <p className="mt-1 text-sm text-red-700" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
