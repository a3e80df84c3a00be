// What happens to the Message (and its call and lead) once Twilio accepted it, refused it, or we gave up. Each is one
// statement (lib/telephony/write-message-status.ts): the message's status and what depends on it.
import type { Kysely } from "kysely";
import { db } from "@/lib/db/client";
import type { DB } from "@/lib/db/kysely";
import type { Outbox, WriteHandle } from "@/lib/db/run-transaction";
import type { CallSkipReason } from "@/lib/db/generated/kysely-enums";
import { UNSUBSCRIBED_RECIPIENT } from "@/lib/telephony/opt-out-after-twilio-error";
import type { ClaimedMessage } from "@/lib/telephony/claim-message";
import { rememberSentMessage } from "@/lib/telephony/sent-messages";
import { changeMessageStatus } from "@/lib/telephony/write-message-status";

/** Twilio's 21614: the number cannot take texts (a landline), the same outcome as the Lookup check's. */
const NOT_A_MOBILE_NUMBER = 21614;

/**
 * Twilio accepted the message: store its sid; an auto-reply stamps the call and moves the lead new → contacted.
 * False when there was nothing to store: a status callback that came first stored the sid and the acceptance.
 */
export async function recordMessageAccepted(message: ClaimedMessage, sid: string): Promise<boolean> {
  const now = new Date();
  const isStored = await changeMessageStatus(
    message,
    {
      match: { hasNoSid: true },
      to: "sent",
      set: { messageSid: sid, sentAt: now, errorCode: null, errorMessage: null },
      actor: "twilio",
    },
    (qb, outbox, changed) => deferAccepted(qb, outbox, message, { changed, now }),
  );
  // Twilio's status callbacks for it, which usually come to this instance, need not read it again.
  if (isStored) rememberSentMessage({ ...pickSentMessage(message), status: "sent", messageSid: sid });
  return isStored;
}

function pickSentMessage({ id, businessId, threadId, leadId, toNumber, purpose }: ClaimedMessage) {
  return { id, businessId, threadId, leadId, toNumber, purpose };
}

/**
 * What Twilio's acceptance of a message means beyond its own row, written once with the sid (by the send job, or by
 * a status callback that arrived before it), in the same statement and only when the sid was stored (`changed`): an
 * auto-reply stamps its call and moves the lead new → contacted. `callStamps` adds the callback's own stamp of the
 * call (one statement must not update the call twice).
 */
export function deferAccepted(
  qb: Kysely<DB>,
  outbox: Outbox,
  message: Pick<ClaimedMessage, "id" | "purpose" | "leadId" | "businessId" | "threadId">,
  { changed, now, callStamps = {} }: { changed: WriteHandle; now: Date; callStamps?: { smsDeliveredAt?: Date } },
) {
  if (message.purpose !== "auto_reply") return;
  outbox.write(
    qb
      .updateTable("Call")
      .set({ smsAcceptedAt: now, ...callStamps, updatedAt: now })
      .where("autoReplyMessageId", "=", message.id)
      .where(changed.happened),
  );
  const contacted = outbox.write(
    qb
      .updateTable("Lead")
      .set({ status: "contacted", contactedAt: now, statusChangedAt: now, updatedAt: now })
      .where("id", "=", message.leadId)
      .where("status", "=", "new")
      .where(changed.happened)
      .returning("id"),
  );
  outbox.record(
    "lead.updated",
    { status: "contacted", reason: "auto_reply_accepted" },
    { businessId: message.businessId, threadId: message.threadId, leadId: message.leadId, actor: { kind: "system" } },
    { onlyIf: contacted },
  );
}

/** The message will never go out: failed (Twilio refused) or canceled (we decided not to send). */
export async function recordMessageNotSent(
  message: ClaimedMessage,
  outcome: { status: "failed" | "canceled"; errorCode?: number; errorMessage: string; skipReason?: CallSkipReason },
) {
  const skipReason =
    outcome.skipReason ??
    (outcome.errorCode === UNSUBSCRIBED_RECIPIENT
      ? "opted_out"
      : outcome.errorCode === NOT_A_MOBILE_NUMBER
        ? "landline"
        : "rejected");
  await changeMessageStatus(
    message,
    {
      match: { hasNoSid: true },
      from: ["queued", "sending"],
      to: outcome.status,
      set: {
        errorCode: outcome.errorCode ?? null,
        errorMessage: outcome.errorMessage.slice(0, 500),
        failedAt: new Date(),
      },
      errorCode: outcome.errorCode ?? null,
      reason: outcome.errorMessage,
      actor: outcome.errorCode ? "twilio" : "system",
    },
    (qb, outbox, changed) => {
      if (message.purpose !== "auto_reply") return;
      outbox.write(
        qb
          .updateTable("Call")
          .set({ skipReason, updatedAt: new Date() })
          .where("autoReplyMessageId", "=", message.id)
          .where(changed.happened),
      );
    },
  );
}

/** A retryable failure: back to `queued` so the next attempt (or the outbox sweep) can claim it again. */
export async function releaseMessageForRetry(message: ClaimedMessage, error: { twilioCode?: number; message: string }) {
  await db.message.updateMany({
    where: { id: message.id, status: "sending", messageSid: null },
    data: { status: "queued", errorCode: error.twilioCode ?? null, errorMessage: error.message.slice(0, 500) },
  });
}
