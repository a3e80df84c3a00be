// Server-Sent Events for the inbox and the thread view. Stored Events carry `id:` (their bigint id), so a
// reconnecting EventSource sends Last-Event-ID and gets everything it missed replayed from the log before the
// live feed continues; AI token deltas are live only (no id). The live feed itself crosses instances (bus.ts).
import { sqlDb } from "@/lib/db/kysely";
import { subscribeLive, type LiveEvent } from "@/lib/events/bus";
import { onShutdownCloseStream } from "@/lib/lifecycle/shutdown";

const HEARTBEAT_MS = 15_000;
/** On shutdown the client is told to come back after this long (another instance, or this one restarted). */
const SHUTDOWN_RETRY_MS = 1_000;
const REPLAY_LIMIT = 500;

type Filter = { businessId: string; threadId?: string };
type Options = {
  /** the inbox list needs no AI token deltas */
  isTokenFree?: boolean;
  /** re-checked at every heartbeat: false (password changed, member removed) ends the stream */
  isSessionValid?: () => Promise<boolean>;
  /** called once when the stream ends, however it ends */
  onClose?: () => void;
  heartbeatMs?: number;
};

/** The resume point a client sent: the Last-Event-ID header, or `?lastEventId=` for clients that cannot set it. */
export function readLastEventId(request: Request): bigint | null {
  const raw = request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("lastEventId");
  return raw && /^\d{1,19}$/.test(raw) ? BigInt(raw) : null;
}

function frame(event: { id?: string; data: unknown }): string {
  return `${event.id ? `id: ${event.id}\n` : ""}data: ${JSON.stringify(event.data)}\n\n`;
}

// Both reads run on every (re)connect of every open inbox and thread: typed SQL, no per-query compile step.
async function storedAfter(filter: Filter, afterId: bigint) {
  let query = sqlDb()
    .selectFrom("Event")
    .select(["id", "type", "threadId"])
    .where("businessId", "=", filter.businessId)
    .where("id", ">", afterId.toString());
  if (filter.threadId) query = query.where("threadId", "=", filter.threadId);
  const events = await query.orderBy("id", "asc").limit(REPLAY_LIMIT).execute();
  return events.map((event) => ({ id: String(event.id), type: event.type, threadId: event.threadId }));
}

async function latestId(filter: Filter): Promise<bigint> {
  let query = sqlDb().selectFrom("Event").select("id").where("businessId", "=", filter.businessId);
  if (filter.threadId) query = query.where("threadId", "=", filter.threadId);
  const latest = await query.orderBy("id", "desc").limit(1).executeTakeFirst();
  return latest ? BigInt(latest.id) : 0n;
}

/** Opens the stream; it ends when the client goes away (request.signal). */
export function liveEventStream(request: Request, filter: Filter, options: Options = {}): Response {
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let isClosed = false;
      let forgetShutdown = () => {};
      let lastSentId = readLastEventId(request);
      let pending: LiveEvent[] | null = []; // live events that arrive while the replay runs
      // Ids already sent. Event ids can commit out of order across transactions, so "id <= last sent" does not mean
      // "sent": a late-committing event with a lower id must still go out.
      const sentIds = new Set<string>();
      const markSent = (id: string) => {
        sentIds.add(id);
        if (sentIds.size > 5_000) sentIds.delete(sentIds.values().next().value as string);
      };
      const send = (text: string) => {
        if (isClosed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      };
      const sendLive = (event: LiveEvent) => {
        if (options.isTokenFree && event.type === "ai.token") return;
        if (event.id) {
          if (sentIds.has(event.id)) return; // already replayed
          markSent(event.id);
          const id = BigInt(event.id);
          if (lastSentId === null || id > lastSentId) lastSentId = id;
        }
        send(
          frame({
            id: event.id,
            data: {
              type: event.type,
              threadId: event.threadId ?? null,
              id: event.id ?? null,
              ...(event.data ? { data: event.data } : {}),
            },
          }),
        );
      };
      const replay = async () => {
        if (lastSentId === null) return;
        for (const event of await storedAfter(filter, lastSentId)) {
          if (sentIds.has(event.id)) continue;
          markSent(event.id);
          lastSentId = BigInt(event.id);
          send(frame({ id: event.id, data: event }));
        }
      };
      const unsubscribe = await subscribeLive(
        filter,
        (event) => (pending ? pending.push(event) : sendLive(event)),
        // The listener reconnected: NOTIFYs may have been lost meanwhile, so fill the gap from the log.
        () => void replay().catch(() => send(frame({ data: { type: "resync" } }))),
      );
      // Each heartbeat also asks whether the session still holds: a stream opened before a password change or a
      // removal must not keep delivering the business's events (the AI's tokens included).
      const beat = async () => {
        if (options.isSessionValid) {
          const verdict = await options.isSessionValid().then(
            (isValid) => (isValid ? "valid" : "ended"),
            () => "unknown",
          );
          // Ended: say so (the app goes to sign-in). Unknown (database unreachable): close; the browser reconnects
          // in a few seconds and the reconnect is authenticated afresh.
          if (verdict === "ended") send(frame({ data: { type: "session.ended" } }));
          if (verdict !== "valid") return close();
        }
        send(`: heartbeat\n\n`);
      };
      const heartbeat = setInterval(() => void beat(), options.heartbeatMs ?? HEARTBEAT_MS);
      function close() {
        if (isClosed) return;
        isClosed = true;
        forgetShutdown();
        clearInterval(heartbeat);
        unsubscribe();
        options.onClose?.();
        request.signal.removeEventListener("abort", close);
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      }
      cleanup = close;
      request.signal.addEventListener("abort", close);
      forgetShutdown = onShutdownCloseStream(() => {
        send(`retry: ${SHUTDOWN_RETRY_MS}\n\n`);
        close();
      });
      send("retry: 3000\n\n");
      try {
        if (lastSentId === null) {
          // A fresh client: announce the current position so its next reconnect resumes from here.
          lastSentId = await latestId(filter);
          send(frame({ id: lastSentId.toString(), data: { type: "ready", id: lastSentId.toString() } }));
        } else {
          await replay();
          send(frame({ data: { type: "ready", id: lastSentId.toString() } }));
        }
      } finally {
        const buffered = pending ?? [];
        pending = null;
        for (const event of buffered) sendLive(event);
      }
      if (request.signal.aborted) close();
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
}
