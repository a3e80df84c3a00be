import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { getBoss, enqueue, stopBoss } from "@/lib/jobs/boss";
import { createTestBusiness } from "@/test/helpers/business";

afterAll(async () => stopBoss());

async function jobState(id: string) {
  const rows = await db.$queryRawUnsafe<{ state: string }[]>(`SELECT state FROM pgboss.job WHERE id = $1`, id);
  return rows[0]?.state;
}

describe("durable jobs", () => {
  it("a delayed job survives a restart of the queue and runs once after it", async () => {
    const { business } = await createTestBusiness();
    const id = await enqueue("follow-up", { threadId: `thread-of-${business.id}` }, { startAfter: 2 });
    expect(id).toBeTruthy();
    await stopBoss(); // the process "restarts": nothing in memory survives

    const boss = await getBoss();
    expect(await jobState(id!)).toBe("created");
    const seen: string[] = [];
    const deadline = Date.now() + 15_000;
    while (seen.length === 0 && Date.now() < deadline) {
      const jobs = await boss.fetch("follow-up", { batchSize: 10 });
      for (const job of jobs) {
        if (job.id === id) seen.push(job.id);
        await boss.complete("follow-up", job.id);
      }
      if (seen.length === 0) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(seen).toEqual([id]);
    expect(await jobState(id!)).toBe("completed");
  });

  it("a job enqueued inside a rolled-back transaction never exists", async () => {
    let jobId: string | null = null;
    await expect(
      runTransaction(async (tx, outbox) => {
        jobId = outbox.enqueue("sweep-outbox", {});
        // Written inside the transaction (not only collected), then the transaction fails.
        const { insertedJobIds } = await outbox.flush(tx);
        expect(insertedJobIds.has(jobId)).toBe(true);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(jobId).toBeTruthy();
    expect(await jobState(jobId!)).toBeUndefined();
  });

  it("a job enqueued inside a committed transaction exists with the rows", async () => {
    let jobId: string | null = null;
    await runTransaction(async (_tx, outbox) => {
      jobId = outbox.enqueue("sweep-outbox", {});
    });
    expect(await jobState(jobId!)).toBe("created");
    const boss = await getBoss();
    await boss.cancel("sweep-outbox", jobId!);
  });
});
