// A quiet worker: idle, it makes at most 2 job fetches a second across all queues (pg-boss polled 128 a second
// before: 8 queues x 8 loops every 0.5 s), and a committed job still reaches a worker at once because the commit
// wakes it, not a poll. Counted structurally: the fetch statements on every connection over an idle stretch
// against what the worker's shape allows, and a job done long before any loop's next poll would have come.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { BACKSTOP_POLL_SECONDS, idleFetchesPerSecond, startWorker } from "@/lib/jobs/worker";
import { waitFor } from "@/test/helpers/wait";

const FETCH = /FOR UPDATE OF j SKIP LOCKED/;
let fetches = 0;
const original = pg.Client.prototype.query;

beforeAll(async () => {
  pg.Client.prototype.query = function countingQuery(this: pg.Client, ...args: unknown[]) {
    const first = args[0] as string | { text?: string };
    const text = typeof first === "string" ? first : (first?.text ?? "");
    if (FETCH.test(text)) fetches++;
    return (original as (...params: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  // Earlier files of the run leave jobs behind (an AI turn delayed past its test's end, a retry): work, not idling.
  // Gone before the worker starts, so the window below measures a worker with nothing to do.
  const boss = await getBoss();
  await db.$executeRawUnsafe(`DELETE FROM pgboss.job WHERE state IN ('created', 'retry', 'active')`);
  await startWorker();
  // The minute's schedules (the outbox sweep, the reconciliation sweep) are work the clock brings, not idling: on a
  // PostgreSQL server their jobs wake the loops by NOTIFY, and a tick inside the window would add fetches that found
  // a job. The schedules are set again by the next startWorker of the run.
  for (const { name, key } of await boss.getSchedules()) await boss.unschedule(name, key);
});

afterAll(async () => {
  pg.Client.prototype.query = original;
  await stopBoss();
});

async function jobState(id: string) {
  const rows = await db.$queryRawUnsafe<{ state: string }[]>(`SELECT state FROM pgboss.job WHERE id = $1::uuid`, id);
  return rows[0]?.state;
}

describe("the idle worker", () => {
  it("is shaped for at most 2 fetches a second", () => {
    expect(idleFetchesPerSecond()).toBeLessThanOrEqual(2);
  });

  it("makes at most 2 fetches a second while idle", async () => {
    // Past the start: every loop fetches at once when it starts (and again when the listener connects).
    let last = -1;
    await waitFor(
      async () => {
        const settled = fetches > 0 && fetches === last;
        last = fetches;
        return settled;
      },
      { timeoutMs: 20_000, intervalMs: 1_500 },
    );
    const windowSeconds = 2 * BACKSTOP_POLL_SECONDS;
    const before = fetches;
    await new Promise((resolve) => setTimeout(resolve, windowSeconds * 1000));
    const idle = fetches - before;
    // Each loop polls once per BACKSTOP_POLL_SECONDS (1.5 a second in all); the limit is 2 a second.
    expect(idle).toBeLessThanOrEqual(2 * windowSeconds);
  });

  it("a committed job reaches a worker without waiting for a poll", async () => {
    // The loops have just polled (previous test): the next poll is seconds away.
    // A follow-up for a thread that does not exist: its handler returns at once.
    const jobId = await runTransaction(async (_tx, outbox) =>
      outbox.enqueue("follow-up", { threadId: "no-such-thread" }),
    );
    const started = Date.now();
    await waitFor(async () => (await jobState(jobId)) === "completed", {
      timeoutMs: (BACKSTOP_POLL_SECONDS * 1000) / 2,
      intervalMs: 20,
    });
    expect(Date.now() - started).toBeLessThan((BACKSTOP_POLL_SECONDS * 1000) / 2);
  });
});
