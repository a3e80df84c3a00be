// Live events across instances. On a PostgreSQL server they travel by LISTEN/NOTIFY, so a client connected to
// one instance sees what another instance did. The embedded database lives in exactly one process, so there an
// in-process emitter carries them.
import { EventEmitter } from "node:events";
import pg from "pg";
import { isEmbeddedUrl } from "@/lib/db/pool";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";

export const LIVE_CHANNEL = "ringback_live";

/** What a subscriber receives. `id` is set for stored Events (resumable); token deltas have none. */
export type LiveEvent = {
  businessId: string;
  threadId?: string | null;
  id?: string;
  type: string;
  data?: Record<string, unknown>;
};

type Listener = (event: LiveEvent) => void;

type BusState = {
  emitter: EventEmitter;
  listener?: Promise<pg.Client | null>;
  publisher?: pg.Pool;
};

const globalForBus = globalThis as unknown as { ringbackBus?: BusState };

function state(): BusState {
  if (!globalForBus.ringbackBus) {
    const emitter = new EventEmitter();
    emitter.setMaxListeners(0);
    globalForBus.ringbackBus = { emitter };
  }
  return globalForBus.ringbackBus;
}

function usesNotify(): boolean {
  const url = env().databaseUrl;
  return Boolean(url) && !isEmbeddedUrl(url!);
}

async function connectListener(): Promise<pg.Client | null> {
  const client = new pg.Client({ connectionString: env().databaseUrl });
  client.on("notification", (message) => {
    if (!message.payload) return;
    try {
      const event = JSON.parse(message.payload) as LiveEvent & { internal?: boolean };
      state().emitter.emit(event.internal ? "internal" : "event", event);
    } catch (error) {
      logger.warn({ err: error }, "bad live event payload");
    }
  });
  client.on("error", (error) => {
    logger.warn({ err: error }, "live event listener lost its connection; reconnecting");
    state().listener = undefined;
    state().emitter.emit("reconnect");
    setTimeout(() => void ensureListener(), 1_000);
  });
  await client.connect();
  await client.query(`LISTEN ${LIVE_CHANNEL}`);
  return client;
}

function ensureListener(): Promise<pg.Client | null> {
  const bus = state();
  if (!usesNotify()) return Promise.resolve(null);
  bus.listener ??= connectListener().catch((error: unknown) => {
    logger.warn({ err: error }, "could not LISTEN for live events; retrying");
    bus.listener = undefined;
    setTimeout(() => void ensureListener(), 2_000);
    return null;
  });
  return bus.listener;
}

/** Tells this process's subscribers only (the embedded database, or news that already crossed by NOTIFY). */
export function publishLocally(event: LiveEvent): void {
  state().emitter.emit("event", event);
}

/**
 * Publishes to every instance, now. For live-only news (AI token deltas); stored events are published by the unit
 * of work (lib/db/run-transaction.ts) at commit. Large payloads are trimmed: subscribers re-fetch by id.
 */
export async function publishLive(event: LiveEvent): Promise<void> {
  if (!usesNotify()) {
    publishLocally(event);
    return;
  }
  let payload = JSON.stringify(event);
  if (Buffer.byteLength(payload) > 7_500) payload = JSON.stringify({ ...event, data: { truncated: true } });
  const bus = state();
  if (!bus.publisher) {
    bus.publisher = new pg.Pool({ connectionString: env().databaseUrl, max: 2 });
    bus.publisher.on("error", (error) => logger.warn({ err: error }, "live event publisher lost a connection"));
  }
  await bus.publisher.query("SELECT pg_notify($1, $2)", [LIVE_CHANNEL, payload]);
}

/**
 * News between instances that no browser sees (a business's settings changed, so caches drop it). Same channel as
 * the live events, flagged internal.
 */
export async function publishInternalEvent(event: { businessId: string; type: string }): Promise<void> {
  if (!usesNotify()) {
    state().emitter.emit("internal", event);
    return;
  }
  await publishLive({ ...event, internal: true } as LiveEvent);
}

/** Listens to internal news of every business (connects the listener); `onGap` runs when news may have been lost. */
export function onInternalEvent(listener: (event: { businessId: string; type: string }) => void, onGap: () => void) {
  const bus = state();
  bus.emitter.on("internal", listener);
  bus.emitter.on("reconnect", onGap);
  void ensureListener();
}

/**
 * Subscribes to a business's live events (optionally one thread). `onGap` runs when the listener reconnected:
 * events may have been missed, so the subscriber should re-fetch. Returns the unsubscribe function.
 */
export async function subscribeLive(
  filter: { businessId: string; threadId?: string },
  onEvent: Listener,
  onGap?: () => void,
): Promise<() => void> {
  await ensureListener();
  const bus = state();
  const handler: Listener = (event) => {
    if (event.businessId !== filter.businessId) return;
    if (filter.threadId && event.threadId !== filter.threadId) return;
    onEvent(event);
  };
  const gap = () => onGap?.();
  bus.emitter.on("event", handler);
  bus.emitter.on("reconnect", gap);
  return () => {
    bus.emitter.off("event", handler);
    bus.emitter.off("reconnect", gap);
  };
}

export async function closeBus(): Promise<void> {
  const bus = globalForBus.ringbackBus;
  if (!bus) return;
  const listener = await bus.listener?.catch(() => null);
  bus.listener = undefined;
  await listener?.end().catch(() => undefined);
  await bus.publisher?.end().catch(() => undefined);
  bus.publisher = undefined;
}
