// The `ai-turn-failed` job: pg-boss's dead letter of `ai-turn`. An AI turn whose every attempt failed (it threw, its
// attempt expired, or its worker died on the last retry) lands here once pg-boss fails it for good, so the customer
// is not left waiting on an AI that will not answer: the conversation goes to a person, as a hand-off does. The
// thread leaves AI mode, the generation the failed attempt still held is released (the thread stops showing "AI
// answering…"), the team gets one `ai_handoff` notification, and the event log says why (`ai_failed`).
//
// Exactly once: the conversation's row locks and the mode check make a second delivery of the same failure (or a
// second instance running it) find the thread already with a person, and change nothing.
import { runTransaction } from "@/lib/db/run-transaction";
import { publishLive } from "@/lib/events/bus";
import type { JobPayloads } from "@/lib/jobs/queues";
import { logger } from "@/lib/log";
import { lockConversation } from "@/lib/conversations/lock-conversation";
import { announceHandOffInTx } from "@/lib/ai/hand-off";
import { hasUnansweredCustomerMessage } from "@/lib/ai/run-ai-turn";

export const AI_FAILED_REASON = "ai_failed";

export async function handOffFailedTurn({ threadId }: JobPayloads["ai-turn-failed"]): Promise<void> {
  const outcome = await runTransaction(async (tx, outbox) => {
    const found = await tx.selectFrom("Thread").select("businessId").where("id", "=", threadId).executeTakeFirst();
    if (!found) return "gone";
    const conversation = await lockConversation(tx, { businessId: found.businessId, threadId });
    if (!conversation) return "gone";
    const { lead, thread } = conversation;
    const refs = { businessId: thread.businessId, threadId, leadId: lead.id };
    const now = new Date();
    // A person holds it, it was closed, or the number opted out: nobody waits on the AI. What the failed attempt
    // left behind (its generation, a due time in the past) is released all the same.
    const isWithAi = thread.mode === "auto" || thread.mode === "ai";
    if (!isWithAi || lead.isOptedOut || !(await hasUnansweredCustomerMessage(threadId, tx))) {
      await tx
        .updateTable("Thread")
        .set({ aiGenerationId: null, updatedAt: now })
        .where("id", "=", threadId)
        .where("aiGenerationId", "is not", null)
        .where("mode", "in", ["human", "closed"])
        .execute();
      await tx
        .updateTable("Thread")
        .set({ windowDeadline: null, updatedAt: now })
        .where("id", "=", threadId)
        .where("windowDeadline", "<=", now)
        .execute();
      return "nothing_to_hand_off";
    }
    await tx
      .updateTable("Thread")
      .set({
        mode: "human",
        isWaitingOnPerson: true,
        handedOffAt: now,
        aiGenerationId: null,
        windowDeadline: null,
        updatedAt: now,
      })
      .where("id", "=", threadId)
      .execute();
    await announceHandOffInTx(tx, outbox, {
      ...refs,
      lead,
      reason: AI_FAILED_REASON,
      body: "The AI could not answer. Please reply yourself.",
      actor: "system",
    });
    const actor = { kind: "system" } as const;
    outbox.record(
      "thread.mode_changed",
      { from: thread.mode, to: "human", reason: AI_FAILED_REASON },
      { ...refs, actor },
    );
    const abandonedGenerationId = thread.aiGenerationId;
    if (abandonedGenerationId) {
      // Open thread views drop a reply bubble the failed attempt may have left streaming.
      outbox.afterCommit(() =>
        publishLive({
          businessId: thread.businessId,
          threadId,
          type: "ai.abandoned",
          data: { generationId: abandonedGenerationId, reason: AI_FAILED_REASON },
        }),
      );
    }
    return "handed_off";
  });
  if (outcome === "handed_off")
    logger.warn({ threadId }, "the AI could not answer (its turn failed for good): handed to a person");
}
