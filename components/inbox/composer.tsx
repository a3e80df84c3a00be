// Reply box. Sending takes the conversation over (the server does it in the same step). Disabled, with the reason,
// when the customer opted out.
"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { BusinessTime } from "@/components/display/business-time";
import { consentReasonText } from "@/components/display/plain-words";
import { postJson } from "@/components/inbox/fetch-json";
import type { ConsentRecord } from "@/components/inbox/types";

export function Composer({
  threadId,
  isOptedOut,
  consent = null,
  shouldFocus,
  onSent,
}: {
  threadId: string;
  isOptedOut: boolean;
  consent?: ConsentRecord | null;
  shouldFocus: boolean;
  onSent: () => void;
}) {
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [isSending, setIsSending] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (shouldFocus) input.current?.focus();
  }, [shouldFocus]);

  async function send() {
    const text = body.trim();
    if (!text) return;
    setIsSending(true);
    setError(null);
    try {
      await postJson(`/api/threads/${threadId}/messages`, { body: text });
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
      <form className="flex items-end gap-2" onSubmit={(event) => (event.preventDefault(), void send())}>
        <label className="sr-only" htmlFor="composer">
          Reply
        </label>
        <textarea
          id="composer"
          ref={input}
          data-testid="composer-input"
          rows={2}
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
