// Schedules the AI's turn in a thread as a durable job. The ai-turn queue is `stately` with the thread id as
// singletonKey: one queued turn per thread, so a second customer message inside the window adds nothing (the turn
// answers everything that came in) and a restart neither loses nor duplicates it.
import { fromKysely } from "pg-boss";
import type { Tx } from "@/lib/db/kysely";
import type { Outbox } from "@/lib/db/run-transaction";
import { getBoss, wakeLocalWorkers } from "@/lib/jobs/boss";
import type { JobPayloads } from "@/lib/jobs/queues";

export type AiTurnReason = JobPayloads["ai-turn"]["reason"];

/** Inside a unit of work. `isNew`: this call queued the turn (false when one was already queued for the thread). */
export async function scheduleAiTurn(
  tx: Tx,
  outbox: Outbox,
  { threadId, delaySeconds, reason }: { threadId: string; delaySeconds: number; reason: AiTurnReason },
): Promise<{ jobId: string | null; isNew: boolean }> {
  const startAfter = Math.max(0, Math.round(delaySeconds));
  const jobId = outbox.enqueue("ai-turn", { threadId, reason }, { singletonKey: threadId, startAfter });
  // The caller decides on the answer (the window's deadline is set only for a new turn): write the job now.
  const { insertedJobIds } = await outbox.flush(tx);
  if (insertedJobIds.has(jobId)) return { jobId, isNew: true };
  // A turn is already queued. "Let AI handle" (no wait) must not sit behind a window turn: bring it forward.
  if (startAfter === 0) {
    const boss = await getBoss();
    const updated = await boss.update(
      "ai-turn",
      { threadId, reason },
      { singletonKey: threadId, startAfter: new Date(), db: fromKysely(tx) },
    );
    outbox.afterCommit(() => wakeLocalWorkers(["ai-turn"]));
    return { jobId: updated.jobs[0] ?? null, isNew: false };
  }
  return { jobId: null, isNew: false };
}
