// What a unit of work collects besides its own rows: the events it records, the jobs it enqueues, and the writes
// whose result nothing in the transaction reads (outbox.write). All are written by ONE statement at the end of the
// transaction (or earlier, by an explicit flush()), which on a PostgreSQL server also carries the NOTIFYs (live
// events, pg-boss wake-ups) that PostgreSQL delivers only at commit. The embedded database has no cross-session
// LISTEN, so there the same news is told in-process after commit.
import { CompiledQuery, sql, type Kysely, type RawBuilder } from "kysely";
import { LRUCache } from "lru-cache";
import { isEmbeddedUrl } from "@/lib/db/pool";
import type { DB } from "@/lib/db/kysely";
import { env } from "@/lib/env";
import { LIVE_CHANNEL, publishLocally, type LiveEvent } from "@/lib/events/bus";
import { toEventRow, type EventName, type EventPayload, type EventRefs, type EventRow } from "@/lib/events/catalogue";
import { queueTable, wakeLocalWorkers, wakeLocalWorkersLater } from "@/lib/jobs/boss";
import { queryBuilder, renumberPlaceholders } from "@/lib/db/query-builder";
import {
  buildJobInsert,
  jobInsertKey,
  jobInsertValues,
  pendingJob,
  queueInserts,
  type EnqueueOptions,
  type PendingJob,
  type QueueInsert,
  type QueueTable,
} from "@/lib/jobs/job-insert-sql";
import type { JobPayloads, QueueName } from "@/lib/jobs/queues";
import { logger } from "@/lib/log";

/** A stored event as live subscribers see it. */
export type StoredEvent = { id: string; businessId: string; threadId: string | null; type: EventName };

export type FlushResult = {
  events: StoredEvent[];
  /** ids of the jobs inserted; a job skipped by its singletonKey is missing */
  insertedJobIds: Set<string>;
  /** the rows each deferred write with a RETURNING clause changed, by its handle's name (see rowsWritten) */
  rowCounts: ReadonlyMap<string, number>;
};

/** A Kysely query builder (an UPDATE, INSERT or DELETE of `tx`), compiled when handed to outbox.write(). */
export type DeferredWrite = { compile(): { sql: string; parameters: readonly unknown[] } };

/**
 * What outbox.write() hands back: the write's part of the commit's statement, by name. A write with a RETURNING
 * clause can condition the rest of that statement: `happened` (true when it changed a row) goes into a later
 * deferred write's WHERE, and `outbox.record(…, { onlyIf: handle })` stores an event only then. After the flush,
 * rowsWritten(result, handle) says how many rows it changed.
 */
export type WriteHandle = { readonly name: string; readonly happened: RawBuilder<boolean> };

type CompiledWrite = { name: string; sql: string; parameters: readonly unknown[] };
type PendingEvent = EventRow & { onlyIf: string | null };

/** How many rows a deferred write (with a RETURNING clause) changed in the flush that wrote it. */
export function rowsWritten(result: FlushResult, handle: WriteHandle): number {
  const count = result.rowCounts.get(handle.name);
  if (count === undefined) throw new Error(`${handle.name} was not written by this flush, or has no RETURNING clause`);
  return count;
}

export class Outbox {
  private events: PendingEvent[] = [];
  private jobs: PendingJob[] = [];
  private writes: CompiledWrite[] = [];
  private readonly stored: StoredEvent[] = [];
  private readonly woken = new Set<QueueName>();
  /** queues with an inserted job that starts later: this process's workers are woken when it is due */
  private readonly delayed: { queue: QueueName; dueInMs: number }[] = [];
  private readonly afterCommitHooks: Array<() => unknown> = [];
  /** numbers the deferred writes of this unit of work, so that a handle names one write only */
  private writeCount = 0;

  constructor(private readonly options: { allowsJobs: boolean }) {}

  /**
   * Records an event of the catalogue (its payload is checked now); it is stored at commit and published after.
   * With `onlyIf`, it is stored only when that deferred write (of the same flush) changed a row.
   */
  record<Name extends EventName>(
    name: Name,
    payload: EventPayload<Name>,
    refs: EventRefs,
    { onlyIf }: { onlyIf?: WriteHandle } = {},
  ): void {
    this.events.push({ ...toEventRow(name, payload, refs), onlyIf: onlyIf?.name ?? null });
  }

  /**
   * Enqueues a job, inserted at commit with the others in one statement (pg-boss's insert: singletonKey and the
   * queue's policy apply). Returns its id; whether it was inserted or skipped shows in flush()'s result. With
   * `onlyIf` (a boolean SQL expression, e.g. `sql<boolean>\`exists (…)\``), the job is inserted only when it
   * holds in that statement.
   */
  enqueue<Name extends QueueName>(
    queue: Name,
    data: JobPayloads[Name],
    { onlyIf, ...options }: EnqueueOptions & { onlyIf?: RawBuilder<boolean> } = {},
  ): string {
    if (!this.options.allowsJobs) throw new Error("this transaction was opened with { jobs: false }");
    const condition = onlyIf?.compile(queryBuilder);
    const job = pendingJob(queue, data, options, condition && { sql: condition.sql, parameters: condition.parameters });
    this.jobs.push(job as PendingJob);
    return job.id;
  }

  /**
   * A write whose result nothing in the transaction reads: sent with the events and jobs, as one more part of the
   * commit's one statement, instead of a round trip of its own. It runs after every statement the callback ran
   * itself, so nothing later in the transaction sees it: a write that a later statement reads (or whose row count
   * decides what happens next) goes through `tx` as usual. Two writes of one flush must not touch the same row
   * (PostgreSQL runs the parts of one statement on one snapshot). The handle it returns lets later parts of the
   * same statement depend on it (see WriteHandle).
   */
  write(query: DeferredWrite): WriteHandle {
    const { sql: text, parameters } = query.compile();
    const name = `write_${++this.writeCount}`;
    this.writes.push({ name, sql: text, parameters });
    return { name, happened: sql<boolean>`exists (select 1 from ${sql.id(name)})` };
  }

  /** Runs after a successful commit (not on rollback or for a retried attempt): for news that is not an event. */
  afterCommit(hook: () => unknown): void {
    this.afterCommitHooks.push(hook);
  }

  /**
   * Writes the events and jobs collected so far, now, in one statement. Needed only when the transaction must
   * know whether a singleton job was inserted before it goes on; otherwise commit does it.
   */
  async flush(executor: Kysely<DB>): Promise<FlushResult> {
    const events = this.events;
    const jobs = this.jobs;
    const writes = this.writes;
    this.events = [];
    this.jobs = [];
    this.writes = [];
    const result = await writeOutbox(executor, events, jobs, writes);
    this.stored.push(...result.events);
    for (const job of jobs) {
      if (!result.insertedJobIds.has(job.id)) continue;
      const dueInMs = delayOf(job.options.startAfter);
      if (dueInMs > 0) this.delayed.push({ queue: job.queue, dueInMs });
      else this.woken.add(job.queue);
    }
    return result;
  }

  get hasPending(): boolean {
    return this.events.length > 0 || this.jobs.length > 0 || this.writes.length > 0;
  }

  /** After COMMIT: the in-process side of the news (the server's NOTIFYs went out with the commit). */
  async publishCommitted(): Promise<void> {
    if (!usesNotify()) for (const event of this.stored) publishLocally(toLiveEvent(event));
    // This process's own workers start at once, whatever the database: no poll, no NOTIFY round trip.
    if (this.woken.size > 0) wakeLocalWorkers([...this.woken]);
    for (const { queue, dueInMs } of this.delayed) wakeLocalWorkersLater(queue, dueInMs);
    for (const hook of this.afterCommitHooks) {
      try {
        await hook();
      } catch (error) {
        logger.warn({ err: error }, "after-commit hook failed");
      }
    }
  }
}

/** Milliseconds until a job with this startAfter may run (0: now). */
function delayOf(startAfter: number | Date | undefined): number {
  if (startAfter === undefined) return 0;
  if (startAfter instanceof Date) return Math.max(0, startAfter.getTime() - Date.now());
  return Math.max(0, startAfter * 1000);
}

function usesNotify(): boolean {
  const url = env().databaseUrl;
  return Boolean(url) && !isEmbeddedUrl(url!);
}

export function toLiveEvent(event: StoredEvent): LiveEvent {
  return { businessId: event.businessId, threadId: event.threadId, id: event.id, type: event.type };
}

/** What one flush writes. */
export type OutboxContents = { events: PendingEvent[]; jobs: PendingJob[]; writes: CompiledWrite[] };

export type StatementOptions = {
  /** on a PostgreSQL server: the statement also NOTIFYs the live events and the queues' workers */
  canNotify: boolean;
  tableOf: (queue: QueueName) => QueueTable;
};

/** The flush's one statement: its text, its values in the order of its placeholders, the writes that return rows. */
export type OutboxStatement = { text: string; values: unknown[]; returning: readonly string[] };

/**
 * The one statement: INSERT the events (+ NOTIFY each on the server), every queue's jobs (+ pg-boss's NOTIFY) and
 * the deferred writes, each write a data-modifying WITH part of its own (PostgreSQL runs those whether or not the
 * SELECT reads them).
 */
export async function writeOutbox(
  executor: Kysely<DB>,
  events: PendingEvent[],
  jobs: PendingJob[],
  writes: CompiledWrite[] = [],
): Promise<FlushResult> {
  if (events.length === 0 && jobs.length === 0 && writes.length === 0) {
    return { events: [], insertedJobIds: new Set(), rowCounts: new Map() };
  }
  const { text, values, returning } = outboxStatement(
    { events, jobs, writes },
    { canNotify: usesNotify(), tableOf: queueTable },
  );
  const { rows } = await executor.executeQuery<
    Record<string, unknown> & { events?: StoredEvent[]; job_ids?: string[] }
  >(CompiledQuery.raw(text, values));
  const row = rows[0] ?? {};
  return {
    events: row.events ?? [],
    insertedJobIds: new Set(row.job_ids ?? []),
    rowCounts: new Map(returning.map((name) => [name, Number(row[name] ?? 0)])),
  };
}

// The statement's text is the same for every unit of work of one shape (which writes with which SQL, which event
// conditions, which queues with their conditional jobs, NOTIFY or not): every missed call sends the same 12 KB
// text with other values. Building it each time (concatenating pg-boss's inserts, renumbering each write's
// placeholders with a regex) was about 4-5% of the server's CPU in a profile of the missed-calls benchmark, so the
// text is kept by its shape and a repeated shape only computes its values (the Dial action's statement: about 25 µs
// built afresh, 9 from the cache, mostly the values' JSON). The key holds everything the text depends on, each
// part's parameter count too, so every placeholder offset is the same within a shape: a renumbered part is reused at
// its own offset only. Unusual shapes come and go: a few hundred are kept.
type StatementText = { text: string; returning: readonly string[] };
const textsByShape = new LRUCache<string, StatementText>({ max: 300 });

/**
 * A number for each SQL text of a part (a write, a job's condition) seen lately, never given to another text: the
 * shape's key holds the number instead of the text. A forgotten text gets a new number, and the shapes keyed by the
 * old one are never found again.
 */
const textIds = new LRUCache<string, number>({ max: 2_000 });
let lastTextId = 0;

function textId(text: string): number {
  let id = textIds.get(text);
  if (id === undefined) {
    id = ++lastTextId;
    textIds.set(text, id);
  }
  return id;
}

/** A flush's parts as its statement is built from them: the jobs by queue, the conditions its events have. */
type StatementParts = {
  events: PendingEvent[];
  /** the writes the events depend on (onlyIf), in the order they first come */
  conditions: string[];
  inserts: QueueInsert[];
  writes: CompiledWrite[];
  canNotify: boolean;
};

/** The flush's statement, its text found by its shape when one of that shape was built before (see above). */
export function outboxStatement(contents: OutboxContents, options: StatementOptions): OutboxStatement {
  const parts = statementParts(contents, options);
  const key = shapeKey(parts);
  let built = textsByShape.get(key);
  if (built === undefined) {
    built = buildStatementText(parts);
    textsByShape.set(key, built);
  }
  return { text: built.text, values: statementValues(parts), returning: built.returning };
}

/** The same statement built afresh, past the cache: what outboxStatement must equal for every shape. */
export function buildOutboxStatement(contents: OutboxContents, options: StatementOptions): OutboxStatement {
  const parts = statementParts(contents, options);
  return { ...buildStatementText(parts), values: statementValues(parts) };
}

function statementParts({ events, jobs, writes }: OutboxContents, options: StatementOptions): StatementParts {
  const conditions: string[] = [];
  for (const { onlyIf } of events) if (onlyIf && !conditions.includes(onlyIf)) conditions.push(onlyIf);
  const inserts = queueInserts(jobs, options.tableOf, options.canNotify);
  return { events, conditions, inserts, writes, canNotify: options.canNotify };
}

/**
 * Everything the text depends on and nothing else (not the number of events or the values). The separators cannot
 * occur in what they separate: write names are `write_<n>`, texts are numbered (textId), and the job part's own
 * separators are explained at jobInsertKey.
 */
function shapeKey({ events, conditions, inserts, writes, canNotify }: StatementParts): string {
  let key = `${canNotify ? "notify" : "quiet"}|${events.length > 0 ? `events:${conditions.join(",")}` : ""}|`;
  for (const write of writes) key += `${write.name}=${textId(write.sql)}/${write.parameters.length},`;
  return `${key}|${jobInsertKey(inserts, textId)}`;
}

/** The statement's text: events ($1), then the jobs' parameters, then each write's, renumbered in that order. */
function buildStatementText({ events, conditions, inserts, writes, canNotify }: StatementParts): StatementText {
  const returning = new Set(writes.filter((write) => RETURNING.test(write.sql)).map((write) => write.name));
  for (const name of conditions) {
    if (!returning.has(name))
      throw new Error(`an event depends on ${name}, which this flush has not, or not with RETURNING`);
  }
  const ctes: string[] = [];
  const reads: string[] = [];
  let parameterCount = 0;
  if (events.length > 0) {
    parameterCount++;
    ctes.push(`ev AS (
      INSERT INTO "Event" ("businessId", "threadId", "leadId", "callId", type, "actorKind", "actorUserId", payload)
      SELECT "businessId", "threadId", "leadId", "callId", type, "actorKind", "actorUserId", payload
      FROM json_to_recordset($1::json) AS e("businessId" text, "threadId" text, "leadId" text,
        "callId" text, type text, "actorKind" text, "actorUserId" text, payload jsonb, ord int, "onlyIf" text)${
          conditions.length === 0
            ? ""
            : `
      WHERE e."onlyIf" IS NULL${conditions.map((name) => ` OR (e."onlyIf" = '${name}' AND EXISTS (SELECT 1 FROM ${name}))`).join("")}`
        }
      ORDER BY ord
      RETURNING id, "businessId", "threadId", type)`);
    reads.push(`(SELECT coalesce(json_agg(json_build_object('id', id::text, 'businessId', "businessId",
      'threadId', "threadId", 'type', type) ORDER BY id), '[]'::json) FROM ev) AS events`);
    if (canNotify) {
      // Delivered by PostgreSQL at commit, to every instance (lib/events/bus.ts listens).
      ctes.push(`live AS (SELECT pg_notify('${LIVE_CHANNEL}', json_build_object('businessId', "businessId",
        'threadId', "threadId", 'id', id::text, 'type', type)::text) FROM ev)`);
      reads.push(`(SELECT count(*) FROM live) AS live_count`);
    }
  }
  if (inserts.length > 0) {
    const parts = buildJobInsert(inserts, { firstParam: parameterCount + 1 });
    ctes.push(...parts.ctes);
    parameterCount += parts.parameterCount;
    reads.push(
      `(SELECT coalesce(array_agg(id::text), '{}') FROM (${parts.idSources.map((name) => `SELECT id FROM ${name}`).join(" UNION ALL ")}) ids) AS job_ids`,
    );
    parts.notifySources.forEach((name, index) => reads.push(`(SELECT count(*) FROM ${name}) AS job_notify_${index}`));
  }
  // The writes come first in the WITH list: a part of it may read only the parts before it, and the events and
  // later writes read a write's RETURNING rows (WriteHandle).
  const writeCtes: string[] = [];
  for (const write of writes) {
    writeCtes.push(`${write.name} AS (${renumberPlaceholders(write, parameterCount)})`);
    parameterCount += write.parameters.length;
    if (returning.has(write.name)) reads.push(`(SELECT count(*)::int FROM ${write.name}) AS ${write.name}`);
  }
  const text = `WITH ${[...writeCtes, ...ctes].join(",\n")}\nSELECT ${reads.length > 0 ? reads.join(",\n") : "1 AS done"}`;
  return { text, returning: [...returning] };
}

/** The statement's values, in the order buildStatementText numbers its placeholders: computed for every flush. */
function statementValues({ events, inserts, writes }: StatementParts): unknown[] {
  const values: unknown[] = [];
  if (events.length > 0) values.push(JSON.stringify(events.map((event, ord) => ({ ...event, ord }))));
  values.push(...jobInsertValues(inserts));
  for (const write of writes) values.push(...write.parameters);
  return values;
}

/** A compiled write that returns rows, which other parts of the statement (and the flush's result) can read. */
const RETURNING = /\breturning\b/i;
