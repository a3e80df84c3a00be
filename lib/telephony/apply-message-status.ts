// Twilio's message status callbacks: they may arrive twice or out of order. A status only ever moves forward
// (queued < sending < sent < delivered | undelivered | failed), so a late "sent" never undoes "delivered",
// and a conditional UPDATE makes the second copy of a callback change nothing and log nothing.
import type { MessageStatus } from "@prisma/client";
import { db } from "@/lib/db/client";
import { publishRecordedEvents, recordEvent } from "@/lib/events/record-event";
import { logger } from "@/lib/log";
import { optOutAfterTwilioError, UNSUBSCRIBED_RECIPIENT } from "@/lib/telephony/opt-out-after-twilio-error";

const rank: Partial<Record<MessageStatus, number>> = {
  queued: 0,
  sending: 1,
  sent: 2,
  delivered: 3,
  undelivered: 3,
  failed: 3,
};

const twilioToStatus: Record<string, MessageStatus> = {
  accepted: "queued",
  scheduled: "queued",
  queued: "queued",
  sending: "sending",
  sent: "sent",
  delivered: "delivered",
  read: "delivered",
  undelivered: "undelivered",
  failed: "failed",
};

/** Carrier errors worth a readable reason on the message (no blind resend for any of them). */
export const deliveryErrorReasons: Record<number, string> = {
  30003: "Unreachable destination handset",
  30005: "Unknown destination handset",
  30006: "Landline or unreachable carrier",
  30007: "Message filtered by the carrier",
  21610: "Recipient unsubscribed (STOP)",
};

export async function applyMessageStatus(input: {
  messageSid: string;
  twilioStatus: string;
  errorCode?: number;
  errorMessage?: string;
}) {
  const status = twilioToStatus[input.twilioStatus.toLowerCase()];
  if (!status) return { changed: false };
  const newRank = rank[status]!;
  const lowerStatuses = (Object.keys(rank) as MessageStatus[]).filter((candidate) => rank[candidate]! < newRank);
  const now = new Date();
  const events = await db.$transaction(async (tx) => {
    const message = await tx.message.findUnique({
      where: { messageSid: input.messageSid },
      select: { id: true, businessId: true, threadId: true, leadId: true, toNumber: true, purpose: true },
    });
    if (!message) {
      logger.info({ status }, "status callback for a message we do not know");
      return [];
    }
    const isFailure = status === "failed" || status === "undelivered";
    const changed = await tx.message.updateMany({
      where: { id: message.id, status: { in: lowerStatuses } },
      data: {
        status,
        ...(status === "delivered" ? { deliveredAt: now } : {}),
        ...(isFailure
          ? {
              failedAt: now,
              errorCode: input.errorCode ?? null,
              errorMessage: (input.errorCode && deliveryErrorReasons[input.errorCode]) || input.errorMessage || null,
            }
          : {}),
      },
    });
    if (changed.count === 0) return [];
    const recorded = [
      await recordEvent(
        {
          businessId: message.businessId,
          threadId: message.threadId,
          leadId: message.leadId,
          type: "message.status",
          actor: { kind: "twilio" },
          payload: { messageId: message.id, status, errorCode: input.errorCode ?? null },
        },
        tx,
      ),
    ];
    if (status === "delivered" && message.purpose === "auto_reply") {
      await tx.call.updateMany({
        where: { autoReplyMessageId: message.id, smsDeliveredAt: null },
        data: { smsDeliveredAt: now },
      });
    }
    if (isFailure && input.errorCode === UNSUBSCRIBED_RECIPIENT) {
      const optOut = await optOutAfterTwilioError(tx, {
        businessId: message.businessId,
        phone: message.toNumber,
        messageSid: input.messageSid,
      });
      if (optOut) recorded.push(optOut);
    }
    return recorded;
  });
  await publishRecordedEvents(events);
  return { changed: events.length > 0 };
}
