// Every outgoing SMS to a customer goes through here: consent is checked first, the Message is stored as
// `queued`, and the send job is enqueued in the same transaction (so it is neither lost nor sent twice).
import type { AuthorKind, MessagePurpose, Prisma } from "@prisma/client";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { publishRecordedEvents, recordEvent } from "@/lib/events/record-event";
import { enqueue } from "@/lib/jobs/boss";

export type OutgoingMessageInput = {
  businessId: string;
  threadId: string;
  body: string;
  purpose: MessagePurpose;
  authorKind: AuthorKind;
  authorUserId?: string | null;
  /** the number to text; defaults to the thread's customer */
  to?: string;
};

/** Inside an existing transaction. Throws AppError("opted_out") before anything is written for an opted-out number. */
export async function queueOutgoingMessageInTx(tx: Prisma.TransactionClient, input: OutgoingMessageInput) {
  const thread = await tx.thread.findFirst({
    where: { id: input.threadId, businessId: input.businessId },
    select: { id: true, lead: { select: { id: true, phone: true, isOptedOut: true } } },
  });
  if (!thread) throw new AppError("not_found", "Conversation not found.");
  const to = input.to ?? thread.lead.phone;
  if (to === thread.lead.phone && thread.lead.isOptedOut) {
    throw new AppError("opted_out", "This customer replied STOP: no messages can be sent until they text START.");
  }
  const from = await tx.phoneNumber.findFirst({
    where: { businessId: input.businessId },
    orderBy: { createdAt: "asc" },
    select: { e164: true },
  });
  if (!from) throw new AppError("conflict", "This business has no phone number to send from.");
  const body = input.body.trim();
  if (!body) throw new AppError("validation_failed", "A message cannot be empty.");
  const message = await tx.message.create({
    data: {
      businessId: input.businessId,
      threadId: thread.id,
      leadId: thread.lead.id,
      direction: "outbound",
      authorKind: input.authorKind,
      authorUserId: input.authorUserId ?? null,
      purpose: input.purpose,
      body,
      fromNumber: from.e164,
      toNumber: to,
      status: "queued",
    },
  });
  if (input.purpose !== "escalation") {
    await tx.thread.update({
      where: { id: thread.id },
      data: { lastMessageAt: message.createdAt, lastMessagePreview: body.slice(0, 140) },
    });
  }
  const event = await recordEvent(
    {
      businessId: input.businessId,
      threadId: thread.id,
      leadId: thread.lead.id,
      type: "message.queued",
      actor: { kind: input.authorKind === "customer" ? "customer" : input.authorKind, userId: input.authorUserId },
      payload: { messageId: message.id, purpose: input.purpose },
    },
    tx,
  );
  await enqueue("send-message", { messageId: message.id }, { tx, singletonKey: message.id });
  return { message, event };
}

/** Standalone version: its own transaction, then live subscribers are told. */
export async function queueOutgoingMessage(input: OutgoingMessageInput) {
  const result = await db.$transaction((tx) => queueOutgoingMessageInTx(tx, input));
  await publishRecordedEvents([result.event]);
  return result.message;
}
