// One conversation: the chat (messages and calls in time order), the AI reply as it is written, the controls and
// the composer. Live events refetch the thread; when the stream is down it polls. It opens at the newest message
// and keeps the reader's place when they scroll up (a pill then points to what arrived).
"use client";

import { useSearchParams } from "next/navigation";
import { useRef, useState } from "react";
import useSWR, { useSWRConfig } from "swr";
import { AiCountdown } from "@/components/inbox/ai-countdown";
import { AiStreamBubble } from "@/components/inbox/ai-stream-bubble";
import { CallEntry } from "@/components/inbox/call-entry";
import { Composer } from "@/components/inbox/composer";
import { fetchJsonStamped } from "@/components/inbox/fetch-json";
import { DraftCard } from "@/components/inbox/draft-card";
import { useDisplay } from "@/components/display/display-context";
import { LeadCard } from "@/components/inbox/lead-card";
import { MessageBubble } from "@/components/inbox/message-bubble";
import { ModeBadge } from "@/components/inbox/mode-badge";
import { ThreadActions } from "@/components/inbox/thread-actions";
import type { ThreadCall, ThreadDetail, ThreadMessage } from "@/components/inbox/types";
import { useAiStream } from "@/components/inbox/use-ai-stream";
import { useLiveEvents } from "@/components/inbox/use-live-events";
import { useStickToNewest } from "@/components/inbox/use-stick-to-newest";

type Entry = { kind: "message"; at: string; message: ThreadMessage } | { kind: "call"; at: string; call: ThreadCall };

function timeline(thread: ThreadDetail): Entry[] {
  const entries: Entry[] = [
    ...thread.messages.map((message) => ({ kind: "message" as const, at: message.createdAt, message })),
    ...thread.calls.map((call) => ({ kind: "call" as const, at: call.createdAt, call })),
  ];
  return entries.sort((a, b) => a.at.localeCompare(b.at));
}

/** The customer's message that opted them out, while they still are. */
function isOptedOutBy(thread: ThreadDetail, messageId: string): boolean {
  const consent = thread.lead.consent;
  return thread.lead.isOptedOut && consent?.action === "opt_out" && consent.messageId === messageId;
}

export function ThreadView({ threadId }: { threadId: string }) {
  const searchParams = useSearchParams();
  const shouldFocusComposer = searchParams.get("focus") === "composer";
  // `?draft=edit`: the notification's Edit opens the thread with the AI's draft in the reply box.
  const wantsDraftEdit = searchParams.get("draft") === "edit";
  const display = useDisplay();
  const url = `/api/threads/${threadId}`;
  const { stream, apply, markAbandoned } = useAiStream();
  const { mutate: mutateKey } = useSWRConfig();
  const { isLive } = useLiveEvents(`${url}/events`, (frame) => {
    apply(frame);
    if (frame.type !== "ai.token" && frame.type !== "ready") void mutateKey(url);
  });
  const { data, error, mutate } = useSWR<{ thread: ThreadDetail; receivedAt: number }>(url, fetchJsonStamped, {
    refreshInterval: isLive ? 0 : 10_000,
  });
  const entries = data ? timeline(data.thread) : [];
  const draft = data?.thread.draft ?? null;
  const [editingDraftId, setEditingDraftId] = useState<string | null>(null);
  const [hasOpenedDraftEdit, setHasOpenedDraftEdit] = useState(false);
  const [draftNotice, setDraftNotice] = useState<string | null>(null);
  if (wantsDraftEdit && !hasOpenedDraftEdit && draft) {
    setHasOpenedDraftEdit(true);
    setEditingDraftId(draft.id);
  }
  // Sent or dropped elsewhere meanwhile: the box keeps the text, as an ordinary reply.
  const editingDraft = draft && draft.id === editingDraftId ? draft : null;
  const listRef = useRef<HTMLOListElement>(null);
  const composerRef = useRef<HTMLDivElement>(null);
  const { hasNewBelow, scrollToNewest } = useStickToNewest({
    listRef,
    composerRef,
    entryCount: entries.length,
    growth: stream.text.length + (stream.state === "idle" ? 0 : 1),
  });

  if (error && !data) {
    return (
      <p className="p-4 text-red-700" role="alert">
        {error.message ?? "Could not load this conversation."}
      </p>
    );
  }
  if (!data) return <p className="p-4 text-slate-500">Loading…</p>;
  const thread = data.thread;
  const who = thread.lead.name || display.phone(thread.lead.phone);
  return (
    <div className="flex flex-col gap-4 md:grid md:grid-cols-[1fr_18rem]">
      <div className="flex min-w-0 flex-col gap-3">
        <div className="flex items-center gap-2">
          <h1 className="min-w-0 flex-1 truncate text-xl font-bold">{who}</h1>
          <ModeBadge mode={thread.mode} holderName={thread.mode === "human" ? thread.holder?.name || "You" : null} />
        </div>
        {/* A pending draft is the AI's answer, waiting on a person: its card says so, not "the AI won't answer". */}
        {draft ? null : (
          <AiCountdown
            deadline={{ ...thread, receivedAt: data.receivedAt }}
            isAiWriting={thread.isAiWriting || stream.state === "writing"}
            onDue={() => void mutate()}
          />
        )}
        <ThreadActions
          threadId={thread.id}
          mode={thread.mode}
          hasAiTurns={thread.hasAiTurns}
          calls={thread.calls}
          onTakenOver={markAbandoned}
          onChanged={() => void mutate()}
        />
        <ol ref={listRef} className="flex flex-col gap-3 py-2" aria-label="Conversation">
          {entries.map((entry) =>
            entry.kind === "message" ? (
              <MessageBubble
                key={entry.message.id}
                message={entry.message}
                isOptOut={isOptedOutBy(thread, entry.message.id)}
              />
            ) : (
              <CallEntry key={entry.call.id} call={entry.call} />
            ),
          )}
          <AiStreamBubble stream={stream} />
          {draft ? (
            <DraftCard
              threadId={thread.id}
              draft={draft}
              isEditing={editingDraft !== null}
              onEdit={() => {
                setDraftNotice(null);
                setEditingDraftId(draft.id);
              }}
              onDone={(failure) => {
                setDraftNotice(failure);
                if (!failure) scrollToNewest();
                void mutate();
              }}
            />
          ) : null}
        </ol>
        {/* Held right on the bottom tab bar on a phone: no gap for messages to show through. */}
        <div
          ref={composerRef}
          data-testid="composer-bar"
          className="sticky bottom-[var(--bottom-nav-height)] z-[5] -mx-4 border-t border-slate-200 bg-slate-50 px-4 py-2 md:bottom-0"
        >
          {hasNewBelow ? (
            <button
              type="button"
              data-testid="new-message-pill"
              onClick={scrollToNewest}
              className="absolute -top-12 left-1/2 min-h-11 -translate-x-1/2 rounded-full bg-brand-600 px-4 text-sm font-semibold text-white shadow-lg focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
            >
              ↓ New message
            </button>
          ) : null}
          {draftNotice ? (
            <p className="mb-1 text-sm text-red-700" role="alert" data-testid="draft-notice">
              {draftNotice}
            </p>
          ) : null}
          <Composer
            threadId={thread.id}
            editingDraft={editingDraft}
            onStopEditing={() => setEditingDraftId(null)}
            isOptedOut={thread.lead.isOptedOut}
            consent={thread.lead.consent}
            shouldFocus={shouldFocusComposer}
            onSent={() => {
              scrollToNewest();
              void mutate();
            }}
          />
        </div>
      </div>
      <LeadCard key={JSON.stringify(thread.lead)} lead={thread.lead} onSaved={() => void mutate()} />
    </div>
  );
}
