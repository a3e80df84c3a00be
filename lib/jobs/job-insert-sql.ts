// Jobs collected by a unit of work are written in one statement at commit, with pg-boss's own insert SQL
// (plans.insertJobs, the statement behind `send` and `insert`): the same defaults from the queue row, the same
// singleton semantics (ON CONFLICT DO NOTHING against the policy's unique indexes, so a `stately` queue keeps one
// queued job per singletonKey and a repeated singletonKey is skipped), and the same wake-up: a transactional
// pg_notify on pg-boss's channel when an inserted job is runnable now, on queues created with `notify`.
// Only the options `send` normalises the same way here are offered; debounce/throttle (singletonSeconds, which
// need a second insert attempt) are not.
import { randomUUID } from "node:crypto";
import * as plans from "pg-boss/dist/plans.js";
import { renumberPlaceholders, type CompiledPart } from "@/lib/db/query-builder";
import type { JobPayloads, QueueName } from "@/lib/jobs/queues";

export type EnqueueOptions = {
  /** with the queue's policy, at most one job per key (see queues.ts); a conflicting job is skipped */
  singletonKey?: string;
  /** seconds from now, or a time */
  startAfter?: number | Date;
  priority?: number;
  retryLimit?: number;
  retryDelay?: number;
  retryBackoff?: boolean;
  retryDelayMax?: number;
  expireInSeconds?: number;
};

export type PendingJob<Name extends QueueName = QueueName> = {
  /** assigned here, as pg-boss's insert does when it must match rows back to jobs (the insert COALESCEs it) */
  id: string;
  queue: Name;
  data: JobPayloads[Name];
  options: EnqueueOptions;
  /** a compiled SQL boolean: the job is inserted only when it holds, in the statement that inserts it */
  onlyIf?: CompiledCondition;
};

/** A boolean SQL expression compiled by Kysely ($1… are its own parameters). */
type CompiledCondition = CompiledPart;

export type QueueTable = { table: string; notify: boolean };

export const PGBOSS_SCHEMA = "pgboss";

export function pendingJob<Name extends QueueName>(
  queue: Name,
  data: JobPayloads[Name],
  options: EnqueueOptions = {},
  onlyIf?: CompiledCondition,
): PendingJob<Name> {
  return { id: randomUUID(), queue, data, options, ...(onlyIf ? { onlyIf } : {}) };
}

/** Whether the job may start at once (pg-boss only wakes workers for those). */
function isRunnableNow(options: EnqueueOptions): boolean {
  const { startAfter } = options;
  if (startAfter === undefined) return true;
  if (startAfter instanceof Date) return startAfter.getTime() <= Date.now();
  return !(startAfter > 0);
}

/** The JSON row pg-boss's insert reads, normalised as `send` (Attorney.checkSendArgs + toJobPayload) does. */
function toJobRow(job: PendingJob) {
  const { startAfter, priority, singletonKey, ...retry } = job.options;
  return {
    id: job.id,
    data: job.data,
    priority: priority ?? 0,
    startAfter:
      startAfter instanceof Date ? startAfter.toISOString() : Number(startAfter) > 0 ? String(startAfter) : undefined,
    singletonKey: singletonKey ?? null,
    singletonOffset: 0,
    groupId: null,
    groupTier: null,
    deadLetter: null,
    __traceContext: null,
    ...retry,
  };
}

export type JobInsertParts = {
  /** `name AS (…)` entries for a WITH clause */
  ctes: string[];
  /** names of the CTEs that return the inserted job ids */
  idSources: string[];
  /** names of the CTEs that must be read for their pg_notify to run */
  notifySources: string[];
  values: unknown[];
  queues: QueueName[];
};

/** pg-boss's insert statement of a queue: the same text for every commit, so it is built once per queue. */
const insertSqlByQueue = new Map<string, string>();

function insertJobsSql(table: string, queue: QueueName): string {
  const key = `${table}\n${queue}`;
  let text = insertSqlByQueue.get(key);
  if (text === undefined) {
    text = plans.insertJobs(PGBOSS_SCHEMA, { table, name: queue, returnId: true, notify: false });
    insertSqlByQueue.set(key, text);
  }
  return text;
}

/**
 * One INSERT per queue (pg-boss's statement names its queue), as CTEs of the caller's single statement.
 * `firstParam` is the number of the first $n placeholder these parts may use. A queue with conditional jobs
 * (`onlyIf`) reads its JSON rows through a filter that keeps the rows whose condition holds; pg-boss's own
 * statement is otherwise unchanged.
 */
export function buildJobInsert(
  jobs: PendingJob[],
  tableOf: (queue: QueueName) => QueueTable,
  { firstParam, canNotify }: { firstParam: number; canNotify: boolean },
): JobInsertParts {
  const byQueue = new Map<QueueName, PendingJob[]>();
  for (const job of jobs) byQueue.set(job.queue, [...(byQueue.get(job.queue) ?? []), job]);
  const parts: JobInsertParts = { ctes: [], idSources: [], notifySources: [], values: [], queues: [] };
  let param = firstParam;
  let index = 0;
  for (const [queue, queueJobs] of byQueue) {
    const { table, notify } = tableOf(queue);
    const insertName = `job_${index}`;
    const rowsParam = param++;
    parts.values.push(JSON.stringify(queueJobs.map(toJobRow)));
    const conditions: string[] = [];
    queueJobs.forEach((job, position) => {
      if (!job.onlyIf) return;
      conditions.push(`WHEN ${position + 1} THEN (${renumberPlaceholders(job.onlyIf, param - 1)})`);
      parts.values.push(...job.onlyIf.parameters);
      param += job.onlyIf.parameters.length;
    });
    const rows =
      conditions.length === 0
        ? `$${rowsParam}`
        : `(SELECT coalesce(json_agg(j.row ORDER BY j.ord), '[]')::text FROM json_array_elements($${rowsParam}::json)
            WITH ORDINALITY AS j(row, ord) WHERE CASE j.ord ${conditions.join(" ")} ELSE true END)`;
    const insert = insertJobsSql(table, queue).replace("$1", () => rows);
    parts.ctes.push(`${insertName} AS (${insert})`);
    parts.idSources.push(insertName);
    const runnable = queueJobs.filter((job) => isRunnableNow(job.options)).map((job) => job.id);
    if (canNotify && notify && runnable.length > 0) {
      // pg-boss's own gate: one NOTIFY when an inserted row is runnable now (a skipped singleton wakes nobody).
      const notifyName = `job_notify_${index}`;
      parts.ctes.push(
        `${notifyName} AS (SELECT pg_notify(${plans.notifyChannelSql(PGBOSS_SCHEMA)}, '${queue}') FROM ${insertName} WHERE id = ANY($${param}::uuid[]) LIMIT 1)`,
      );
      parts.notifySources.push(notifyName);
      parts.values.push(runnable);
      param++;
    }
    parts.queues.push(queue);
    index++;
  }
  return parts;
}
