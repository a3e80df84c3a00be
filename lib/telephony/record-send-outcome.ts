// What happens to the Message (and its call and lead) once Twilio accepted it, refused it, or we gave up.
import type { CallSkipReason } from "@prisma/client";
import { db } from "@/lib/db/client";
import { publishRecordedEvents, recordEvent } from "@/lib/events/record-event";
import { optOutAfterTwilioError, UNSUBSCRIBED_RECIPIENT } from "@/lib/telephony/opt-out-after-twilio-error";
import type { ClaimedMessage } from "@/lib/telephony/claim-message";

/** Twilio accepted the message: store its sid; an auto-reply stamps the call and moves the lead new → contacted. */
export async function recordMessageAccepted(message: ClaimedMessage, sid: string) {
  const now = new Date();
  const events = await db.$transaction(async (tx) => {
    const stored = await tx.message.updateMany({
      where: { id: message.id, messageSid: null },
      data: { status: "sent", messageSid: sid, sentAt: now, errorCode: null, errorMessage: null },
    });
    if (stored.count === 0) return [];
    const recorded = [
      await recordEvent(
        {
          businessId: message.businessId,
          threadId: message.threadId,
          leadId: message.leadId,
          type: "message.status",
          actor: { kind: "twilio" },
          payload: { messageId: message.id, status: "sent" },
        },
        tx,
      ),
    ];
    if (message.purpose === "auto_reply") {
      await tx.call.updateMany({ where: { autoReplyMessageId: message.id }, data: { smsAcceptedAt: now } });
      const contacted = await tx.lead.updateMany({
        where: { id: message.leadId, status: "new" },
        data: { status: "contacted", contactedAt: now, statusChangedAt: now },
      });
      if (contacted.count === 1) {
        recorded.push(
          await recordEvent(
            {
              businessId: message.businessId,
              threadId: message.threadId,
              leadId: message.leadId,
              type: "lead.updated",
              actor: { kind: "system" },
              payload: { status: "contacted", reason: "auto_reply_accepted" },
            },
            tx,
          ),
        );
      }
    }
    return recorded;
  });
  await publishRecordedEvents(events);
  return events.length > 0;
}

/** The message will never go out: failed (Twilio refused) or canceled (we decided not to send). */
export async function recordMessageNotSent(
  message: ClaimedMessage,
  outcome: { status: "failed" | "canceled"; errorCode?: number; errorMessage: string; skipReason?: CallSkipReason },
) {
  const events = await db.$transaction(async (tx) => {
    const changed = await tx.message.updateMany({
      where: { id: message.id, messageSid: null, status: { in: ["queued", "sending"] } },
      data: {
        status: outcome.status,
        errorCode: outcome.errorCode ?? null,
        errorMessage: outcome.errorMessage.slice(0, 500),
        failedAt: new Date(),
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
          actor: { kind: outcome.errorCode ? "twilio" : "system" },
          payload: {
            messageId: message.id,
            status: outcome.status,
            errorCode: outcome.errorCode ?? null,
            reason: outcome.errorMessage,
          },
        },
        tx,
      ),
    ];
    if (outcome.errorCode === UNSUBSCRIBED_RECIPIENT) {
      const optOut = await optOutAfterTwilioError(tx, { businessId: message.businessId, phone: message.toNumber });
      if (optOut) recorded.push(optOut);
    }
    if (message.purpose === "auto_reply") {
      const skipReason =
        outcome.skipReason ?? (outcome.errorCode === UNSUBSCRIBED_RECIPIENT ? "opted_out" : "rejected");
      await tx.call.updateMany({ where: { autoReplyMessageId: message.id }, data: { skipReason } });
    }
    return recorded;
  });
  await publishRecordedEvents(events);
}

/** A retryable failure: back to `queued` so the next attempt (or the outbox sweep) can claim it again. */
export async function releaseMessageForRetry(message: ClaimedMessage, error: { twilioCode?: number; message: string }) {
  await db.message.updateMany({
    where: { id: message.id, status: "sending", messageSid: null },
    data: { status: "queued", errorCode: error.twilioCode ?? null, errorMessage: error.message.slice(0, 500) },
  });
}
