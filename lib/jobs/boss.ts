// The durable job queue: pg-boss on the same PostgreSQL. Jobs survive restarts and are claimed by one worker
// at a time across instances (SKIP LOCKED), so a second server neither loses nor duplicates them. Jobs that belong
// to a write are enqueued through the unit of work (`outbox.enqueue`, lib/db/run-transaction.ts), which writes
// them in the same transaction; `enqueue` here is for jobs that stand alone.
import { AsyncLocalStorage } from "node:async_hooks";
import { PgBoss, type SendOptions } from "pg-boss";
import { isEmbeddedUrl } from "@/lib/db/pool";
import { env } from "@/lib/env";
import type { QueueTable } from "@/lib/jobs/job-insert-sql";
import { queues, type JobPayloads, type QueueName } from "@/lib/jobs/queues";
import { logger } from "@/lib/log";

type BossState = {
  ringbackBoss?: Promise<PgBoss>;
  ringbackWorkerStarted?: boolean;
  /** each queue's table and notify flag, read once from pg-boss after the queues exist */
  ringbackQueueTables?: Map<QueueName, QueueTable>;
  /** this process's workers per queue, to wake them when this process committed a job */
  ringbackWorkerIds?: Map<QueueName, string[]>;
  /** what the worker does once the queue stopped (its adoption timer, its registry row) */
  ringbackAfterStop?: () => Promise<void>;
  /** runs a function in the context this module first loaded in (at boot, outside every request) */
  ringbackOutsideRequests?: <R>(run: () => R) => R;
};
const globalForBoss = globalThis as unknown as BossState;
globalForBoss.ringbackOutsideRequests ??= AsyncLocalStorage.snapshot();

async function createBoss(): Promise<PgBoss> {
  const databaseUrl = env().databaseUrl;
  if (!databaseUrl) throw new Error("DATABASE_URL is not set: boot the database before the job queue.");
  const isEmbedded = isEmbeddedUrl(databaseUrl);
  const boss = new PgBoss({
    connectionString: databaseUrl,
    max: isEmbedded ? 2 : 6,
    schema: "pgboss",
    // LISTEN/NOTIFY wakes workers the moment a job is created on a real server; the embedded server's
    // connections share one session, so there only this process's own commits wake them (wakeLocalWorkers).
    useListenNotify: !isEmbedded,
    supervise: true,
    schedule: true,
  });
  boss.on("error", (error) => logger.error({ err: error }, "job queue error"));
  await boss.start();
  const tables = new Map<QueueName, QueueTable>();
  for (const queue of Object.values(queues)) {
    const { name, ...options } = queue;
    await boss.createQueue(name, { ...options, notify: !isEmbedded } as Parameters<PgBoss["createQueue"]>[1]);
    // createQueue leaves an existing queue as it was: bring its retry, expiry and heartbeat to what queues.ts says.
    const { policy: _policy, ...updatable } = options as typeof options & { policy?: string };
    await boss.updateQueue(name, { ...updatable, notify: !isEmbedded } as Parameters<PgBoss["updateQueue"]>[1]);
    const created = await boss.getQueue(name);
    if (!created) throw new Error(`queue ${name} was not created`);
    tables.set(name, { table: created.table, notify: Boolean(created.notify) });
  }
  globalForBoss.ringbackQueueTables = tables;
  return boss;
}

/** The started queue (created on first use, once per process). */
export function getBoss(): Promise<PgBoss> {
  globalForBoss.ringbackBoss ??= createBoss().catch((error: unknown) => {
    globalForBoss.ringbackBoss = undefined;
    throw error;
  });
  return globalForBoss.ringbackBoss;
}

/** The queue's table, for the unit of work's batched insert. The queue must be started (runTransaction does). */
export function queueTable(name: QueueName): QueueTable {
  const table = globalForBoss.ringbackQueueTables?.get(name);
  if (!table) throw new Error(`the job queue is not started (queue ${name})`);
  return table;
}

/** Runs once the queue has stopped (and the workers drained): the worker's own cleanup. */
export function afterBossStop(run: () => Promise<void>): void {
  globalForBoss.ringbackAfterStop = run;
}

/** Remembers a worker of this process, so a commit here can wake it without waiting for a poll. */
export function registerLocalWorker(name: QueueName, workerId: string): void {
  globalForBoss.ringbackWorkerIds ??= new Map();
  globalForBoss.ringbackWorkerIds.set(name, [...(globalForBoss.ringbackWorkerIds.get(name) ?? []), workerId]);
}

/** Wakes this process's workers of these queues (after a commit that inserted runnable jobs). */
export function wakeLocalWorkers(names: QueueName[]): void {
  const ids = globalForBoss.ringbackWorkerIds;
  const pending = globalForBoss.ringbackBoss;
  if (!ids || !pending) return;
  void pending
    .then((boss) => {
      for (const name of names) for (const id of ids.get(name) ?? []) boss.notifyWorker(id);
    })
    .catch(() => undefined);
}

/**
 * Wakes this process's workers of a queue when a job it delayed is due (the AI's window, an escalation): pg-boss
 * only NOTIFYs for jobs runnable at insert, and the workers' poll is a slow safety net. The timer does not keep the
 * process alive; a job due after a restart is found by that poll.
 */
export function wakeLocalWorkersLater(name: QueueName, dueInMs: number): void {
  // Armed outside the request that enqueued the job: a timer keeps the async context it was made in, and with it
  // that request's whole state (Next.js's request stores, the response and its buffers) until it fires, minutes
  // for an escalation. A burst of missed calls held a few hundred of them.
  globalForBoss.ringbackOutsideRequests!(() => {
    // A little after the due time: pg-boss compares start_after with the database's clock.
    const timer = setTimeout(() => wakeLocalWorkers([name]), dueInMs + 50);
    timer.unref();
  });
}

/** Enqueues a job on its own (not part of a write: a retry at a later time, the outbox sweep). */
export async function enqueue<Name extends QueueName>(
  name: Name,
  data: JobPayloads[Name],
  options: Omit<SendOptions, "db"> = {},
): Promise<string | null> {
  const boss = await getBoss();
  const id = await boss.send(name, data, options);
  if (!id) return id;
  const { startAfter } = options;
  const dueInMs =
    startAfter instanceof Date
      ? startAfter.getTime() - Date.now()
      : typeof startAfter === "number"
        ? startAfter * 1000
        : 0;
  if (dueInMs > 0) wakeLocalWorkersLater(name, dueInMs);
  else wakeLocalWorkers([name]);
  return id;
}

/** Stops the queue; a job in flight gets `drainMs` to finish (pg-boss retries it later if it does not). */
export async function stopBoss({ drainMs = 5_000 }: { drainMs?: number } = {}): Promise<void> {
  const pending = globalForBoss.ringbackBoss;
  globalForBoss.ringbackBoss = undefined;
  // Workers live on the stopped instance: a later startWorker() must register them again.
  globalForBoss.ringbackWorkerStarted = false;
  globalForBoss.ringbackWorkerIds = undefined;
  const afterStop = globalForBoss.ringbackAfterStop;
  globalForBoss.ringbackAfterStop = undefined;
  if (!pending) return;
  const boss = await pending.catch(() => undefined);
  await boss?.stop({ graceful: true, close: true, timeout: drainMs });
  await afterStop?.().catch((error: unknown) => logger.warn({ err: error }, "worker cleanup after stop"));
}
