// The unit of work: every write transaction of Ringback goes through runTransaction. A lint rule (eslint.config.mjs)
// forbids `$transaction` and raw BEGIN anywhere else, so the rules below cannot be forgotten at a call site.
//
//   const result = await runTransaction(async (tx, outbox) => {
//     const lead = await lockConversation(tx, { businessId, phone });        // Lead, then Thread: one lock order
//     await tx.updateTable("Thread").set({ … }).where("id", "=", thread.id).execute();
//     outbox.record("message.queued", { messageId, purpose }, { businessId, threadId, leadId, actor: { kind: "system" } });
//     outbox.enqueue("send-message", { messageId }, { singletonKey: messageId });
//     return { messageId };
//   });
//
// - `tx` is a Kysely transaction (typed SQL; the types are generated from prisma/schema.prisma by prisma-kysely).
//   Write every statement of the transaction with it. Prisma stays for single statements outside transactions.
// - Before BEGIN the job queue is started (its first start is slow and must not hold a transaction open).
//   Pass `{ jobs: false }` where the queue must not start (boot, seeding): enqueue then throws.
// - PostgreSQL may abort a transaction as a deadlock or serialization victim (40P01, 40001): the whole callback runs
//   again on a fresh transaction and a fresh outbox, up to `attempts` times. So the callback must not have effects
//   outside the database that cannot run twice (HTTP calls go before or after it, never inside).
// - `outbox.record(name, payload, refs)`: an event of the catalogue in lib/events/catalogue.ts (an unknown name does
//   not compile; the payload is checked by its zod schema). Refs name the business, thread, lead, call and actor.
// - `outbox.enqueue(queue, data, options)`: a job (lib/jobs/queues.ts), with pg-boss's send options singletonKey,
//   startAfter, priority and retry settings. Returns its id.
// - Events and jobs are written by ONE statement at the end of the callback (pg-boss's own insert SQL, so singleton
//   keys and queue policies hold), in the same transaction as the rows they describe: both commit or neither.
//   `await outbox.flush(tx)` writes them earlier and says which jobs were inserted (a singleton conflict skips one).
// - After COMMIT the events reach live subscribers (on a PostgreSQL server by NOTIFY issued inside the
//   transaction, which PostgreSQL delivers only at commit; on the embedded database in-process) and this process's
//   workers of the queues that got a runnable job are woken at once. `outbox.afterCommit(hook)` adds other news.
//   Nothing is published for a rolled-back or retried attempt.
//
// runStatement((qb, outbox) => …) is the same unit of work when all of it fits in the commit's one statement: the
// callback only hands writes to `outbox.write`, records and enqueues, and the statement runs on its own, with no
// BEGIN and COMMIT around it (one round trip instead of three or more; one statement is atomic by itself). `qb`
// builds queries but cannot run them. Later parts can depend on an earlier write through its handle, which is what
// lets a conditional write (a status that only moves forward, a lead moved only from `new`) fit:
//
//   const { built: stored, flushed } = await runStatement((qb, outbox) => {
//     const stored = outbox.write(qb.updateTable("Message").set(…).where(…).returning("id"));
//     outbox.write(qb.updateTable("Call").set(…).where("autoReplyMessageId", "=", id).where(stored.happened));
//     outbox.record("message.status", { … }, refs, { onlyIf: stored });
//     return stored;
//   });
//   if (rowsWritten(flushed, stored) === 0) …
import type { Kysely } from "kysely";
import type { DB, Tx } from "@/lib/db/kysely";
import { sqlDb } from "@/lib/db/kysely";
import { Outbox, type FlushResult } from "@/lib/db/outbox";
import { isPlanRefusal } from "@/lib/db/prepared-statements";
import { queryBuilder } from "@/lib/db/query-builder";
import { getBoss } from "@/lib/jobs/boss";

export type { Outbox };
export { rowsWritten, type WriteHandle } from "@/lib/db/outbox";

export type TransactionOptions = {
  /** how many times in all to run the callback when PostgreSQL picks it as a deadlock/serialization victim */
  attempts?: number;
  /** false: this transaction enqueues no job, so the queue need not be started (boot, seeding) */
  jobs?: boolean;
  isolationLevel?: "read committed" | "repeatable read" | "serializable";
};

const RETRYABLE_CODES = new Set(["40P01", "40001"]);

/** Process-wide defaults. Tests switch the retry off (attempts: 1) to prove that two paths never deadlock. */
export const transactionDefaults = { attempts: 4 };

export function isRetryableTransactionError(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  // A prepared statement PostgreSQL refused (lib/db/prepared-statements.ts): the next attempt sends it unnamed.
  if (isPlanRefusal(error)) return true;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" && RETRYABLE_CODES.has(code);
}

/** Runs an attempt again (after a short random wait) while PostgreSQL picks it as a deadlock/serialization victim. */
async function retrying<T>(attempts: number, attempt: () => Promise<T>): Promise<T> {
  for (let round = 1; ; round++) {
    try {
      return await attempt();
    } catch (error) {
      if (round >= attempts || !isRetryableTransactionError(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * round + Math.random() * 50));
    }
  }
}

export async function runTransaction<T>(
  work: (tx: Tx, outbox: Outbox) => Promise<T>,
  { attempts = transactionDefaults.attempts, jobs = true, isolationLevel }: TransactionOptions = {},
): Promise<T> {
  if (jobs) await getBoss();
  return retrying(attempts, async () => {
    const outbox = new Outbox({ allowsJobs: jobs });
    let builder = sqlDb().transaction();
    if (isolationLevel) builder = builder.setIsolationLevel(isolationLevel);
    const result = await builder.execute(async (tx) => {
      const value = await work(tx, outbox);
      if (outbox.hasPending) await outbox.flush(tx as Kysely<DB>);
      return value;
    });
    await outbox.publishCommitted();
    return result;
  });
}

/**
 * The unit of work as one statement, without BEGIN and COMMIT (see the top of this file). `build` runs again for a
 * retried attempt, so it must only build. Returns what it built (the handles to read) and the flush's result.
 */
export async function runStatement<T>(
  build: (qb: Kysely<DB>, outbox: Outbox) => T,
  { attempts = transactionDefaults.attempts, jobs = true }: Omit<TransactionOptions, "isolationLevel"> = {},
): Promise<{ built: T; flushed: FlushResult }> {
  if (jobs) await getBoss();
  return retrying(attempts, async () => {
    const outbox = new Outbox({ allowsJobs: jobs });
    const built = build(queryBuilder, outbox);
    const flushed = await outbox.flush(sqlDb());
    await outbox.publishCommitted();
    return { built, flushed };
  });
}
