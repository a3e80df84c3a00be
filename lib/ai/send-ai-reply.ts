// Sends the AI's finished reply — only if its generation is still the thread's current one. The atomic
// UPDATE … WHERE "aiGenerationId" = gen AND mode <> 'human' and the queued messages share one transaction: a
// takeover that cleared the generation first means the reply is abandoned and never sent.
import { sql } from "kysely";
import { runTransaction } from "@/lib/db/run-transaction";
import { AppError } from "@/lib/errors";
import type { EventPayload } from "@/lib/events/catalogue";
import { queueOutgoingMessageInTx } from "@/lib/conversations/queue-outgoing-message";
import { modeChangeReason, type TurnContext, type TurnOutcome } from "@/lib/ai/turn-context";

export async function sendAiReply({
  context,
  outcome,
  parts,
  usageEvent,
}: {
  context: TurnContext;
  outcome: TurnOutcome;
  parts: string[];
  usageEvent: EventPayload<"ai.usage">;
}): Promise<{ isSent: boolean; messageIds: string[] }> {
  const refs = { businessId: context.businessId, threadId: context.threadId, leadId: context.leadId };
  return runTransaction(async (tx, outbox) => {
    const claimed = await tx
      .updateTable("Thread")
      .set({ aiGenerationId: null, updatedAt: sql`now()` })
      .where("id", "=", context.threadId)
      .where("aiGenerationId", "=", context.generationId)
      .where("mode", "<>", "human")
      .executeTakeFirst();
    outbox.record("ai.usage", usageEvent, { ...refs, actor: { kind: "ai" } });
    if (claimed.numUpdatedRows === 0n) return { isSent: false, messageIds: [] };
    const messageIds: string[] = [];
    try {
      for (const body of parts) {
        const message = await queueOutgoingMessageInTx(tx, outbox, {
          ...refs,
          body,
          purpose: "ai_reply",
          authorKind: "ai",
        });
        messageIds.push(message.id);
      }
    } catch (error) {
      // STOP arrived while the reply was written: nothing is sent, and that is the correct outcome. The thread's
      // claim and the usage event stay; the messages were never written (the opt-out check runs before the insert).
      if (!(error instanceof AppError && error.code === "opted_out")) throw error;
      return { isSent: false, messageIds: [] };
    }
    if (outcome.isHandedOff || outcome.isClosed) {
      // After a hand-off the AI stays out (a person answers); a closed thread opens anew on the next message.
      const mode = outcome.isClosed ? "closed" : "human";
      await tx
        .updateTable("Thread")
        .set({
          mode,
          updatedAt: new Date(),
          ...(outcome.isClosed ? { closedAt: new Date(), isWaitingOnPerson: false } : {}),
        })
        .where("id", "=", context.threadId)
        .execute();
      outbox.record(
        "thread.mode_changed",
        { from: "ai", to: mode, reason: modeChangeReason(outcome) },
        { ...refs, actor: { kind: "ai" } },
      );
    }
    return { isSent: true, messageIds };
  });
}
