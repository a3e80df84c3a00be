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

/** One queue's INSERT in a commit's statement: its jobs, and whether it wakes the queue's workers. */
export type QueueInsert = {
  queue: QueueName;
  table: string;
  jobs: PendingJob[];
  /** the ids of the jobs that may start at once, read by the NOTIFY part; null when the insert has no such part */
  runnableIds: string[] | null;
};

/**
 * The jobs by queue, each queue in the order its first job came (pg-boss's statement names its queue, so one
 * INSERT per queue). Whether a job may start at once is decided here, once: the statement's text and its values
 * must agree on it.
 */
export function queueInserts(
  jobs: PendingJob[],
  tableOf: (queue: QueueName) => QueueTable,
  canNotify: boolean,
): QueueInsert[] {
  const byQueue = new Map<QueueName, PendingJob[]>();
  for (const job of jobs) {
    const queueJobs = byQueue.get(job.queue);
    if (queueJobs) queueJobs.push(job);
    else byQueue.set(job.queue, [job]);
  }
  return [...byQueue].map(([queue, queueJobs]) => {
    const { table, notify } = tableOf(queue);
    const runnable = queueJobs.filter((job) => isRunnableNow(job.options)).map((job) => job.id);
    // pg-boss's own gate: one NOTIFY when an inserted row is runnable now (a skipped singleton wakes nobody).
    return { queue, table, jobs: queueJobs, runnableIds: canNotify && notify && runnable.length > 0 ? runnable : null };
  });
}

/**
 * Everything the SQL text of these inserts depends on, as a key: per queue its name, table and NOTIFY part, and
 * where its conditional jobs are with which condition (`textId` numbers a condition's text, and its parameter count
 * follows it). The job count, ids, data and options are values and do not change the text. Queue and table names
 * have no space, `,` or `;` (pg-boss allows letters, digits and `_.-/` only).
 */
export function jobInsertKey(inserts: QueueInsert[], textId: (text: string) => number): string {
  let key = "";
  for (const { queue, table, jobs, runnableIds } of inserts) {
    key += `${queue} ${table} ${runnableIds ? "notify" : "quiet"}`;
    jobs.forEach((job, position) => {
      if (job.onlyIf) key += `,${position}=${textId(job.onlyIf.sql)}/${job.onlyIf.parameters.length}`;
    });
    key += ";";
  }
  return key;
}

export type JobInsertParts = {
  /** `name AS (…)` entries for a WITH clause */
  ctes: string[];
  /** names of the CTEs that return the inserted job ids */
  idSources: string[];
  /** names of the CTEs that must be read for their pg_notify to run */
  notifySources: string[];
  /** how many parameters the parts use, numbered from firstParam (jobInsertValues gives them, in order) */
  parameterCount: number;
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
 * One INSERT per queue (pg-boss's statement names its queue), as CTEs of the caller's single statement: the text
 * only, its values come from jobInsertValues. `firstParam` is the number of the first $n placeholder these parts
 * may use. A queue with conditional jobs (`onlyIf`) reads its JSON rows through a filter that keeps the rows whose
 * condition holds; pg-boss's own statement is otherwise unchanged.
 */
export function buildJobInsert(inserts: QueueInsert[], { firstParam }: { firstParam: number }): JobInsertParts {
  const parts: JobInsertParts = { ctes: [], idSources: [], notifySources: [], parameterCount: 0 };
  let param = firstParam;
  inserts.forEach(({ queue, table, jobs, runnableIds }, index) => {
    const insertName = `job_${index}`;
    const rowsParam = param++;
    const conditions: string[] = [];
    jobs.forEach((job, position) => {
      if (!job.onlyIf) return;
      conditions.push(`WHEN ${position + 1} THEN (${renumberPlaceholders(job.onlyIf, param - 1)})`);
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
    if (runnableIds) {
      const notifyName = `job_notify_${index}`;
      parts.ctes.push(
        `${notifyName} AS (SELECT pg_notify(${plans.notifyChannelSql(PGBOSS_SCHEMA)}, '${queue}') FROM ${insertName} WHERE id = ANY($${param}::uuid[]) LIMIT 1)`,
      );
      parts.notifySources.push(notifyName);
      param++;
    }
  });
  parts.parameterCount = param - firstParam;
  return parts;
}

/** The values of buildJobInsert's parts, in the order of their placeholders: computed for every commit, never kept. */
export function jobInsertValues(inserts: QueueInsert[]): unknown[] {
  const values: unknown[] = [];
  for (const { jobs, runnableIds } of inserts) {
    values.push(JSON.stringify(jobs.map(toJobRow)));
    for (const job of jobs) if (job.onlyIf) values.push(...job.onlyIf.parameters);
    if (runnableIds) values.push(runnableIds);
  }
  return values;
}
