// Hands a conversation back to the AI. "Let AI handle" (now) also starts the AI's turn at once instead of
// waiting out the human-priority window.
import { db } from "@/lib/db/client";
import { getBoss } from "@/lib/jobs/boss";
import { publishRecordedEvents, recordEvent } from "@/lib/events/record-event";
import { AppError } from "@/lib/errors";
import { scheduleAiTurn } from "@/lib/conversations/schedule-ai-turn";

export type ReleaseInput = { businessId: string; threadId: string; userId: string; now?: boolean; via?: string };

export async function releaseThread(input: ReleaseInput) {
  await getBoss(); // started outside the transaction: the first start takes longer than a transaction may
  const event = await db.$transaction(async (tx) => {
    const thread = await tx.thread.findFirst({
      where: { id: input.threadId, businessId: input.businessId },
      select: { id: true, leadId: true, mode: true, holderUserId: true },
    });
    if (!thread) throw new AppError("not_found", "Conversation not found.");
    await tx.thread.update({
      where: { id: thread.id },
      data: { mode: "ai", holderUserId: null, isWaitingOnPerson: false, closedAt: null },
    });
    const stored = await recordEvent(
      {
        businessId: input.businessId,
        threadId: thread.id,
        leadId: thread.leadId,
        type: "thread.released",
        actor: { kind: "user", userId: input.userId },
        payload: {
          previousMode: thread.mode,
          previousHolderUserId: thread.holderUserId,
          now: Boolean(input.now),
          via: input.via ?? "inbox",
        },
      },
      tx,
    );
    if (input.now) {
      await scheduleAiTurn({ tx, threadId: thread.id, delaySeconds: 0, reason: "let_ai_handle" });
    }
    return stored;
  });
  await publishRecordedEvents([event]);
  return { mode: "ai" as const, isAiScheduled: Boolean(input.now) };
}
