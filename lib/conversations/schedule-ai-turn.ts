// Schedules the AI's turn in a thread as a durable job. The ai-turn queue is `stately` with the thread id as
// singletonKey: one queued turn per thread, so a second customer message inside the window adds nothing (the turn
// answers everything that came in) and a restart neither loses nor duplicates it.
import type { PrismaTransactionLike } from "pg-boss";
import { fromPrisma } from "pg-boss";
import { enqueue, getBoss } from "@/lib/jobs/boss";
import type { JobPayloads } from "@/lib/jobs/queues";

export type AiTurnReason = JobPayloads["ai-turn"]["reason"];

export async function scheduleAiTurn({
  tx,
  threadId,
  delaySeconds,
  reason,
}: {
  tx?: PrismaTransactionLike;
  threadId: string;
  delaySeconds: number;
  reason: AiTurnReason;
}): Promise<{ jobId: string | null; isNew: boolean }> {
  const startAfter = Math.max(0, Math.round(delaySeconds));
  const jobId = await enqueue("ai-turn", { threadId, reason }, { tx, singletonKey: threadId, startAfter });
  if (jobId) return { jobId, isNew: true };
  // A turn is already queued. "Let AI handle" (no wait) must not sit behind a window turn: bring it forward.
  if (startAfter === 0) {
    const boss = await getBoss();
    const updated = await boss.update(
      "ai-turn",
      { threadId, reason },
      {
        singletonKey: threadId,
        startAfter: new Date(),
        ...(tx ? { db: fromPrisma(tx) } : {}),
      },
    );
    return { jobId: updated.jobs[0] ?? null, isNew: false };
  }
  return { jobId: null, isNew: false };
}
