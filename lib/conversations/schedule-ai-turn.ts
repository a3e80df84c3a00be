// Schedules the AI's turn in a thread as a durable job. The ai-turn queue is `stately` with the thread id as
// singletonKey: one queued turn per thread, so a second customer message inside the window adds nothing (the turn
// answers everything that came in) and a restart neither loses nor duplicates it. The thread keeps when its queued
// turn is due (windowDeadline): the countdown the thread view, the inbox and the push show.
import { fromKysely } from "pg-boss";
import type { Tx } from "@/lib/db/kysely";
import type { Outbox } from "@/lib/db/run-transaction";
import { getBoss, wakeLocalWorkers } from "@/lib/jobs/boss";
import type { JobPayloads } from "@/lib/jobs/queues";

export type AiTurnReason = JobPayloads["ai-turn"]["reason"];

/**
 * Inside a unit of work. `dueAt`: when the turn may run (the end of the window; now or earlier: at once).
 * `isNew`: this call queued the turn (false when one was already queued for the thread).
 */
export async function scheduleAiTurn(
  tx: Tx,
  outbox: Outbox,
  { threadId, dueAt, reason }: { threadId: string; dueAt: Date; reason: AiTurnReason },
): Promise<{ jobId: string | null; isNew: boolean }> {
  const now = new Date();
  const isImmediate = dueAt.getTime() <= now.getTime();
  const startAfter = isImmediate ? 0 : dueAt;
  const jobId = outbox.enqueue("ai-turn", { threadId, reason }, { singletonKey: threadId, startAfter });
  // Whether the turn is new decides the deadline: write the job now.
  const { insertedJobIds } = await outbox.flush(tx);
  if (insertedJobIds.has(jobId)) {
    await setDueAt(tx, threadId, isImmediate ? now : dueAt);
    return { jobId, isNew: true };
  }
  // A turn is already queued. "Let AI handle" (no wait) must not sit behind a window turn: bring it forward.
  if (isImmediate) {
    const boss = await getBoss();
    const updated = await boss.update(
      "ai-turn",
      { threadId, reason },
      { singletonKey: threadId, startAfter: now, db: fromKysely(tx) },
    );
    outbox.afterCommit(() => wakeLocalWorkers(["ai-turn"]));
    await setDueAt(tx, threadId, now);
    return { jobId: updated.jobs[0] ?? null, isNew: false };
  }
  return { jobId: null, isNew: false };
}

async function setDueAt(tx: Tx, threadId: string, dueAt: Date) {
  await tx
    .updateTable("Thread")
    .set({ windowDeadline: dueAt, updatedAt: new Date() })
    .where("id", "=", threadId)
    .execute();
}
