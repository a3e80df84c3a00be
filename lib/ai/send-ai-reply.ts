// Sends the AI's finished reply — only if its generation is still the thread's current one. The atomic
// UPDATE … WHERE "aiGenerationId" = gen AND mode <> 'human' and the queued messages share one transaction: a
// takeover that cleared the generation first means the reply is abandoned and never sent.
import type { Prisma } from "@prisma/client";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { publishRecordedEvents, recordEvent } from "@/lib/events/record-event";
import { queueOutgoingMessageInTx } from "@/lib/conversations/queue-outgoing-message";
import type { TurnContext, TurnOutcome } from "@/lib/ai/turn-context";

export async function sendAiReply({
  context,
  outcome,
  parts,
  usageEvent,
}: {
  context: TurnContext;
  outcome: TurnOutcome;
  parts: string[];
  usageEvent: Prisma.InputJsonValue;
}): Promise<{ isSent: boolean; messageIds: string[] }> {
  const base = { businessId: context.businessId, threadId: context.threadId, leadId: context.leadId };
  const result = await db.$transaction(async (tx) => {
    const claimed = await tx.$executeRaw`
      UPDATE "Thread" SET "aiGenerationId" = NULL, "updatedAt" = now()
      WHERE id = ${context.threadId} AND "aiGenerationId" = ${context.generationId} AND mode <> 'human'`;
    const events = [await recordEvent({ ...base, type: "ai.usage", actor: { kind: "ai" }, payload: usageEvent }, tx)];
    if (claimed === 0) return { isSent: false, messageIds: [] as string[], events };
    const messageIds: string[] = [];
    try {
      for (const body of parts) {
        const { message, event } = await queueOutgoingMessageInTx(tx, {
          ...base,
          body,
          purpose: "ai_reply",
          authorKind: "ai",
        });
        messageIds.push(message.id);
        events.push(event);
      }
    } catch (error) {
      // STOP arrived while the reply was written: nothing is sent, and that is the correct outcome.
      if (!(error instanceof AppError && error.code === "opted_out")) throw error;
      return { isSent: false, messageIds: [], events };
    }
    if (outcome.isHandedOff || outcome.isClosed) {
      // After a hand-off the AI stays out (a person answers); a closed thread opens anew on the next message.
      const mode = outcome.isClosed ? "closed" : "human";
      await tx.thread.update({
        where: { id: context.threadId },
        data: { mode, ...(outcome.isClosed ? { closedAt: new Date(), isWaitingOnPerson: false } : {}) },
      });
      events.push(
        await recordEvent(
          {
            ...base,
            type: "thread.mode_changed",
            actor: { kind: "ai" },
            payload: { from: "ai", to: mode, reason: outcome.isClosed ? "closed" : "handed_off" },
          },
          tx,
        ),
      );
    }
    return { isSent: true, messageIds, events };
  });
  await publishRecordedEvents(result.events);
  return { isSent: result.isSent, messageIds: result.messageIds };
}
