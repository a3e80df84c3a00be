// The inbox list: fetched with SWR, refetched on every live event of the business; polls only while the stream is down.
"use client";

import useSWR, { useSWRConfig } from "swr";
import { fetchJsonStamped } from "@/components/inbox/fetch-json";
import { ThreadListItem } from "@/components/inbox/thread-list-item";
import type { ThreadRow } from "@/components/inbox/types";
import { useLiveEvents } from "@/components/inbox/use-live-events";

const THREADS_URL = "/api/threads";

export function ThreadList() {
  const { mutate } = useSWRConfig();
  const { isLive } = useLiveEvents("/api/events", (frame) => {
    if (frame.type !== "ai.token") void mutate(THREADS_URL);
  });
  const { data, error, isLoading } = useSWR<{ threads: ThreadRow[]; receivedAt: number }>(
    THREADS_URL,
    fetchJsonStamped,
    {
      refreshInterval: isLive ? 0 : 10_000,
    },
  );

  if (error && !data)
    return (
      <p className="p-4 text-red-700" role="alert">
        Could not load conversations. Retrying…
      </p>
    );
  if (isLoading && !data) return <p className="p-4 text-slate-500">Loading conversations…</p>;
  const threads = data?.threads ?? [];
  return (
    <section aria-label="Conversations">
      {!isLive ? (
        <p className="px-4 pb-2 text-xs text-slate-500" data-testid="live-status">
          Reconnecting… (refreshing every 10 s)
        </p>
      ) : null}
      {threads.length === 0 ? (
        <p
          className="rounded-2xl bg-white p-6 text-center text-slate-600 ring-1 ring-slate-200"
          data-testid="thread-list"
        >
          No conversations yet. When you miss a call, the customer gets a text and the conversation shows up here.
        </p>
      ) : (
        <ul
          className="divide-y divide-slate-200 overflow-hidden rounded-2xl bg-white ring-1 ring-slate-200"
          data-testid="thread-list"
        >
          {threads.map((thread) => (
            <ThreadListItem
              key={thread.id}
              thread={thread}
              receivedAt={data?.receivedAt ?? 0}
              onDue={() => void mutate(THREADS_URL)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
