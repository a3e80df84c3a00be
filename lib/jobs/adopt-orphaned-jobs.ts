// Jobs left active by a worker that no longer exists (SIGKILL, a crash, a lost machine) are adopted: their attempt
// is failed, fenced to that attempt, so pg-boss retries them at once on a live worker. Two signs tell a job is an
// orphan, and neither waits for pg-boss's expiry or its minute-long supervision pass:
//
//   1. Its heartbeat lapsed (every queue's jobs carry one, refreshed by the worker holding them): whoever held it
//      has been gone, or frozen, for JOB_HEARTBEAT_SECONDS. This is how a surviving instance adopts the jobs of one
//      that crashed, wherever it ran.
//   2. At once, when a worker boots: it started before every worker that may still be alive. Each worker registers
//      in "WorkerProcess" before it fetches anything (so every job it holds started after its row), beats there,
//      and marks its row stopped when it stops. A row is known gone when stopped, quiet for WORKER_QUIET_MS, or on
//      this host with a process id no process has (or this process's own id, reused after a restart). Jobs started
//      before the oldest row not known gone were fetched by a gone worker: no live worker can hold them.
//
// Adopting a job whose worker was merely frozen is safe: the attempt is fenced (its late completion settles
// nothing), a send's claim on its message keeps the SMS exactly once (claim-message.ts), and an AI turn's generation
// goes to the newer attempt (the older one sees it lost it and stops).
import { randomUUID } from "node:crypto";
import os from "node:os";
import { sql } from "kysely";
import type { PgBoss } from "pg-boss";
import { sqlDb } from "@/lib/db/kysely";
import { PGBOSS_SCHEMA } from "@/lib/jobs/job-insert-sql";
import { wakeLocalWorkersLater } from "@/lib/jobs/boss";
import type { QueueName } from "@/lib/jobs/queues";
import { WORKER_QUIET_MS } from "@/lib/jobs/recovery-timing";
import { logger } from "@/lib/log";

export type WorkerIdentity = { id: string; host: string; pid: number };

type RegistryRow = { id: string; host: string; pid: number; startedAt: Date; isStopped: boolean; isQuiet: boolean };

/** Registers this process's worker (before it fetches any job), and forgets workers silent for a day. */
export async function registerWorker(): Promise<WorkerIdentity> {
  const me: WorkerIdentity = { id: randomUUID(), host: os.hostname(), pid: process.pid };
  await beat(me);
  await sql`DELETE FROM "WorkerProcess" WHERE "heartbeatAt" < (now() AT TIME ZONE 'UTC') - interval '1 day'`.execute(
    sqlDb(),
  );
  return me;
}

/** The worker is alive; a row removed meanwhile comes back (its start time is then this beat's, later: safe). */
async function beat(me: WorkerIdentity): Promise<void> {
  await sql`
    INSERT INTO "WorkerProcess" (id, host, pid, "startedAt", "heartbeatAt")
    VALUES (${me.id}, ${me.host}, ${me.pid}, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')
    ON CONFLICT (id) DO UPDATE SET "heartbeatAt" = EXCLUDED."heartbeatAt"`.execute(sqlDb());
}

/** The worker stopped and holds nothing any more (pg-boss failed what it could not finish). */
export async function markWorkerStopped(me: WorkerIdentity): Promise<void> {
  await sql`UPDATE "WorkerProcess" SET "stoppedAt" = now() AT TIME ZONE 'UTC' WHERE id = ${me.id}`.execute(sqlDb());
}

function isProcessRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"; // it exists, it is just not ours to signal
  }
}

function isGone(row: RegistryRow, me: WorkerIdentity): boolean {
  if (row.id === me.id) return false;
  if (row.isStopped || row.isQuiet) return true;
  // Host name and process id name one process at a time (give replicas distinct host names, as containers have).
  if (row.host === me.host) return row.pid === me.pid || !isProcessRunning(row.pid);
  return false;
}

/**
 * Jobs started before this instant were fetched by workers that are all gone: the start of the oldest registered
 * worker not known gone (this one included), less a millisecond for the registry's rounding.
 */
async function oldestLiveWorkerStart(me: WorkerIdentity): Promise<Date> {
  const { rows } = await sql<RegistryRow>`
    SELECT id, host, pid, "startedAt", "stoppedAt" IS NOT NULL AS "isStopped",
      "heartbeatAt" < (now() AT TIME ZONE 'UTC') - ${WORKER_QUIET_MS} * interval '1 millisecond' AS "isQuiet"
    FROM "WorkerProcess"`.execute(sqlDb());
  const live = rows.filter((row) => !isGone(row, me)).map((row) => row.startedAt.getTime());
  // This worker's own row is among them (it just beat), so the minimum is never later than its own start.
  return new Date(Math.min(...live) - 1);
}

type OrphanRow = { id: string; name: QueueName; retryCount: number; startAfter: Date };

/**
 * One pass: beats, then fails (for a retry) every job of these queues that is active under a gone worker. Returns
 * how many were adopted. Run when the worker starts, then every ADOPTION_INTERVAL_MS.
 */
export async function adoptOrphanedJobs(boss: PgBoss, me: WorkerIdentity, queueNames: QueueName[]): Promise<number> {
  await beat(me);
  const cutoff = await oldestLiveWorkerStart(me);
  const { rows } = await sql<Omit<OrphanRow, "startAfter">>`
    SELECT id, name, retry_count AS "retryCount"
    FROM ${sql.table(`${PGBOSS_SCHEMA}.job`)}
    WHERE state = 'active' AND name = ANY(${queueNames})
      AND (started_on < ${cutoff}
        OR (heartbeat_seconds IS NOT NULL AND heartbeat_on + heartbeat_seconds * interval '1 second' < now()))
    LIMIT 500`.execute(sqlDb());
  if (rows.length === 0) return 0;
  const byQueue = new Map<QueueName, { id: string; retryCount: number }[]>();
  for (const row of rows) byQueue.set(row.name, [...(byQueue.get(row.name) ?? []), row]);
  for (const [name, attempts] of byQueue) {
    await boss.fail(name, attempts, { message: "its worker is gone; adopted by a live worker" });
  }
  // The retries start after the queue's retry delay: wake this process's workers then, not at their next poll.
  const { rows: retries } = await sql<Pick<OrphanRow, "name" | "startAfter">>`
    SELECT name, start_after AS "startAfter" FROM ${sql.table(`${PGBOSS_SCHEMA}.job`)}
    WHERE id = ANY(${rows.map((row) => row.id)}::uuid[]) AND state IN ('created', 'retry')`.execute(sqlDb());
  for (const retry of retries) wakeLocalWorkersLater(retry.name, Math.max(0, retry.startAfter.getTime() - Date.now()));
  logger.warn(
    { jobs: rows.length, queues: [...byQueue.keys()] },
    "adopted jobs whose worker is gone (crashed or killed); they run again now",
  );
  return rows.length;
}
