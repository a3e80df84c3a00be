// A customer's text, as the webhook hands it over: stored once (idempotent on MessageSid), attached to the lead's
// open thread, logged, and handed to the durable `process-inbound-message` job — all in one transaction.
import { Prisma } from "@prisma/client";
import { db } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { publishRecordedEvents, recordEvent } from "@/lib/events/record-event";
import { enqueue } from "@/lib/jobs/boss";
import { logger, maskPhone } from "@/lib/log";
import { openThread } from "@/lib/conversations/open-thread";
import { toE164 } from "@/lib/telephony/phone";
import { emitWebhookEventInTx } from "@/lib/webhooks/emit-webhook-event";

export type InboundMessageInput = { messageSid: string; from: string; to: string; body: string; mediaUrls?: string[] };
export type InboundMessageResult =
  { outcome: "stored"; messageId: string; threadId: string } | { outcome: "duplicate" } | { outcome: "unknown_number" };

export async function receiveInboundMessage(input: InboundMessageInput): Promise<InboundMessageResult> {
  const to = toE164(input.to) ?? input.to;
  const number = await db.phoneNumber.findUnique({ where: { e164: to }, select: { businessId: true } });
  if (!number) {
    // Never matched to another business: logged for the health page, nothing else written.
    await db.healthEvent.create({ data: { kind: "unknown_number", detail: { to: maskPhone(to), webhook: "sms" } } });
    logger.warn({ to: maskPhone(to) }, "inbound SMS to an unknown number");
    return { outcome: "unknown_number" };
  }
  if (await db.message.findUnique({ where: { messageSid: input.messageSid }, select: { id: true } })) {
    return { outcome: "duplicate" };
  }
  const from = toE164(input.from) ?? input.from;
  try {
    return await storeInboundMessage({ ...input, from, to, businessId: number.businessId });
  } catch (error) {
    // Two deliveries raced past the first check: the unique MessageSid lets only one in.
    if (isMessageSidConflict(error)) return { outcome: "duplicate" };
    throw error;
  }
}

/** Only a clash on Message.messageSid means "already stored"; any other conflict is an error Twilio should retry. */
function isMessageSidConflict(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return false;
  return JSON.stringify(error.meta ?? {}).includes("messageSid");
}

async function storeInboundMessage(input: InboundMessageInput & { businessId: string }): Promise<InboundMessageResult> {
  const { businessId } = input;
  const result = await runTransaction(async (tx) => {
    const isNewLead = !(await tx.lead.findUnique({
      where: { businessId_phone: { businessId, phone: input.from } },
      select: { id: true },
    }));
    const { lead, thread } = await openThread(tx, { businessId, phone: input.from, source: "text" });
    // openThread holds the lead's row lock: a concurrent redelivery waits here and then sees the stored row.
    if (await tx.message.findUnique({ where: { messageSid: input.messageSid }, select: { id: true } })) return null;
    const body = input.body.trim();
    const message = await tx.message.create({
      data: {
        businessId,
        threadId: thread.id,
        leadId: lead.id,
        direction: "inbound",
        authorKind: "customer",
        purpose: "inbound",
        body,
        fromNumber: input.from,
        toNumber: input.to,
        messageSid: input.messageSid,
        status: "received",
        mediaUrls: input.mediaUrls ?? [],
      },
    });
    const now = message.createdAt;
    await tx.thread.update({
      where: { id: thread.id },
      data: {
        lastMessageAt: now,
        lastMessagePreview: (body || "[media]").slice(0, 140),
        unreadCount: { increment: 1 },
        lastCustomerMessageAt: now,
        ...(thread.firstCustomerReplyAt ? {} : { firstCustomerReplyAt: now }),
      },
    });
    const events = [];
    if (isNewLead) {
      events.push(
        await recordEvent(
          {
            businessId,
            threadId: thread.id,
            leadId: lead.id,
            type: "lead.created",
            actor: { kind: "customer" },
            payload: { source: "text" },
          },
          tx,
        ),
      );
      await emitWebhookEventInTx(tx, {
        businessId,
        type: "lead.created",
        data: { leadId: lead.id, phone: input.from, source: "text" },
      });
    }
    events.push(
      await recordEvent(
        {
          businessId,
          threadId: thread.id,
          leadId: lead.id,
          type: "message.received",
          actor: { kind: "customer" },
          payload: { messageId: message.id },
        },
        tx,
      ),
    );
    await enqueue("process-inbound-message", { messageId: message.id }, { tx, singletonKey: message.id });
    return { messageId: message.id, threadId: thread.id, events };
  });
  if (!result) return { outcome: "duplicate" };
  await publishRecordedEvents(result.events);
  return { outcome: "stored", messageId: result.messageId, threadId: result.threadId };
}
