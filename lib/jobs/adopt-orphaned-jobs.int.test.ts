// Adoption: a job active under a worker that no longer exists is failed for a retry (fenced to its attempt); a job
// a live worker holds is left alone. Workers are registry rows here, so each case is exact: a process that exited
// (its pid is free), one still alive, and a job whose heartbeat lapsed. The "follow-up" queue stands for all.
import { spawnSync } from "node:child_process";
import os from "node:os";
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { adoptOrphanedJobs, registerWorker } from "@/lib/jobs/adopt-orphaned-jobs";
import { getBoss, stopBoss } from "@/lib/jobs/boss";

afterAll(async () => stopBoss());

/** The pid of a process that has exited: no process has it now. */
function exitedPid(): number {
  return spawnSync(process.execPath, ["-e", "0"]).pid!;
}

async function registry(row: { pid: number; startedSecondsAgo: number; host?: string }) {
  const id = randomUUID();
  await db.$executeRawUnsafe(
    `INSERT INTO "WorkerProcess" (id, host, pid, "startedAt", "heartbeatAt")
     VALUES ($1, $2, $3, (now() AT TIME ZONE 'UTC') - $4 * interval '1 second', now() AT TIME ZONE 'UTC')`,
    id,
    row.host ?? os.hostname(),
    row.pid,
    row.startedSecondsAgo,
  );
  return id;
}

/**
 * A follow-up job made active as a worker's fetch makes it (for a thread that does not exist), a second ago: before
 * the test's own worker registers. (Started "now", it could fall inside the millisecond the registry's rounding
 * leaves to a worker's own fetches, and rightly not count as older than that worker.)
 */
async function activeJob() {
  const boss = await getBoss();
  const id = await boss.send("follow-up", { threadId: `no-such-thread-${randomUUID()}` });
  await db.$executeRawUnsafe(
    `UPDATE pgboss.job SET state = 'active', started_on = now() - interval '1 second', heartbeat_on = now()
     WHERE id = $1::uuid`,
    id,
  );
  return id!;
}

async function job(id: string) {
  const rows = await db.$queryRawUnsafe<{ state: string; retry_count: number }[]>(
    `SELECT state::text, retry_count FROM pgboss.job WHERE id = $1::uuid`,
    id,
  );
  return rows[0];
}

async function cleanUp(...ids: string[]) {
  const boss = await getBoss();
  await boss.cancel("follow-up", ids);
  await db.$executeRawUnsafe(`UPDATE "WorkerProcess" SET "stoppedAt" = now() AT TIME ZONE 'UTC'`);
}

describe("adopting orphaned jobs", () => {
  it("a booting worker adopts at once a job left active by a worker whose process is gone", async () => {
    await registry({ pid: exitedPid(), startedSecondsAgo: 5 });
    const orphan = await activeJob();
    const me = await registerWorker();
    expect(await adoptOrphanedJobs(await getBoss(), me, ["follow-up"])).toBeGreaterThanOrEqual(1);
    expect((await job(orphan))!.state).toBe("retry");
    await cleanUp(orphan);
  });

  it("leaves alone a job that a live worker (started earlier) may hold, until its heartbeat lapses", async () => {
    await registry({ pid: process.ppid, startedSecondsAgo: 5 }); // alive: the test runner's parent process
    const held = await activeJob();
    const me = await registerWorker();
    await adoptOrphanedJobs(await getBoss(), me, ["follow-up"]);
    expect((await job(held))!.state).toBe("active");

    // Its worker stopped refreshing the heartbeat (frozen, or on a machine that went away): adopted.
    await db.$executeRawUnsafe(
      `UPDATE pgboss.job SET heartbeat_on = now() - interval '11 seconds' WHERE id = $1::uuid`,
      held,
    );
    await adoptOrphanedJobs(await getBoss(), me, ["follow-up"]);
    expect((await job(held))!.state).toBe("retry");
    await cleanUp(held);
  });

  it("a worker on another machine counts as alive until it goes quiet", async () => {
    await registry({ pid: 1, host: "another-machine", startedSecondsAgo: 5 });
    const held = await activeJob();
    const me = await registerWorker();
    await adoptOrphanedJobs(await getBoss(), me, ["follow-up"]);
    expect((await job(held))!.state).toBe("active");
    await db.$executeRawUnsafe(
      `UPDATE "WorkerProcess" SET "heartbeatAt" = (now() AT TIME ZONE 'UTC') - interval '1 minute'
       WHERE host = 'another-machine'`,
    );
    await adoptOrphanedJobs(await getBoss(), me, ["follow-up"]);
    expect((await job(held))!.state).toBe("retry");
    await cleanUp(held);
  });
});
