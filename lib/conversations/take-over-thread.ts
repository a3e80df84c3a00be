// A member takes a conversation: the thread becomes `human` and the AI's reply in progress is abandoned.
// Clearing aiGenerationId in the same row update is what stops the AI: its send is a conditional UPDATE on that id.
import type { Prisma } from "@prisma/client";
import { db } from "@/lib/db/client";
import { publishLive } from "@/lib/events/bus";
import { publishRecordedEvents, recordEvent } from "@/lib/events/record-event";
import { AppError } from "@/lib/errors";

export type TakeOverInput = {
  businessId: string;
  threadId: string;
  userId: string;
  /** where the tap came from: "inbox", "push", "reply" */
  via?: string;
};

/** Inside a transaction. Returns the stored event (null if this member already held it) and the abandoned AI generation. */
export async function takeOverThreadInTx(tx: Prisma.TransactionClient, input: TakeOverInput) {
  // Row lock: a concurrent AI send or a second takeover waits for this one.
  const [thread] = await tx.$queryRaw<
    { id: string; leadId: string; mode: string; holderUserId: string | null; aiGenerationId: string | null }[]
  >`
    SELECT id, "leadId", mode::text AS mode, "holderUserId", "aiGenerationId" FROM "Thread"
    WHERE id = ${input.threadId} AND "businessId" = ${input.businessId} FOR UPDATE`;
  if (!thread) throw new AppError("not_found", "Conversation not found.");
  const now = new Date();
  const isAlreadyHeld = thread.mode === "human" && thread.holderUserId === input.userId && !thread.aiGenerationId;
  await tx.thread.update({
    where: { id: thread.id },
    data: {
      mode: "human",
      holderUserId: input.userId,
      aiGenerationId: null,
      isWaitingOnPerson: false,
      ...(isAlreadyHeld ? {} : { takenOverAt: now }),
    },
  });
  // The takeover-time metric: the first takeover after each notification about this thread.
  await tx.notification.updateMany({
    where: { threadId: thread.id, businessId: input.businessId, takeoverAt: null },
    data: { takeoverAt: now },
  });
  if (isAlreadyHeld) return { event: null, abandonedGenerationId: null };
  const event = await recordEvent(
    {
      businessId: input.businessId,
      threadId: thread.id,
      leadId: thread.leadId,
      type: "thread.taken_over",
      actor: { kind: "user", userId: input.userId },
      payload: {
        via: input.via ?? "inbox",
        previousMode: thread.mode,
        previousHolderUserId: thread.holderUserId,
        abandonedGenerationId: thread.aiGenerationId,
      },
    },
    tx,
  );
  return { event, abandonedGenerationId: thread.aiGenerationId };
}

/** Publishes what a committed takeover changed: the stored event, and the abandoned stream for open thread views. */
export async function publishTakeover(
  businessId: string,
  threadId: string,
  result: Awaited<ReturnType<typeof takeOverThreadInTx>>,
) {
  if (result.abandonedGenerationId) {
    await publishLive({
      businessId,
      threadId,
      type: "ai.abandoned",
      data: { generationId: result.abandonedGenerationId, reason: "taken_over" },
    }).catch(() => undefined);
  }
  if (result.event) await publishRecordedEvents([result.event]);
}

export async function takeOverThread(input: TakeOverInput) {
  const result = await db.$transaction((tx) => takeOverThreadInTx(tx, input));
  await publishTakeover(input.businessId, input.threadId, result);
  return { abandonedGenerationId: result.abandonedGenerationId, wasAlreadyHeld: result.event === null };
}
