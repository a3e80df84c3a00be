// What happens to the Message (and its call and lead) once Twilio accepted it, refused it, or we gave up.
import { db } from "@/lib/db/client";
import type { Tx } from "@/lib/db/kysely";
import { runTransaction, type Outbox } from "@/lib/db/run-transaction";
import type { CallSkipReason } from "@/lib/db/generated/kysely-enums";
import { UNSUBSCRIBED_RECIPIENT } from "@/lib/telephony/opt-out-after-twilio-error";
import type { ClaimedMessage } from "@/lib/telephony/claim-message";
import { writeMessageStatus } from "@/lib/telephony/write-message-status";

/** Twilio's 21614: the number cannot take texts (a landline), the same outcome as the Lookup check's. */
const NOT_A_MOBILE_NUMBER = 21614;

/** Twilio accepted the message: store its sid; an auto-reply stamps the call and moves the lead new → contacted. */
export async function recordMessageAccepted(message: ClaimedMessage, sid: string) {
  const now = new Date();
  return runTransaction(async (tx, outbox) => {
    const stored = await writeMessageStatus(tx, outbox, {
      match: { id: message.id, hasNoSid: true },
      to: "sent",
      set: { messageSid: sid, sentAt: now, errorCode: null, errorMessage: null },
      actor: "twilio",
    });
    // Nothing to store: a status callback that came first has stored the sid and the acceptance already.
    if (!stored) return false;
    await markAcceptedInTx(tx, outbox, message, now);
    return true;
  });
}

/**
 * What Twilio's acceptance of a message means beyond its own row, written once with the sid (by the send job, or by
 * a status callback that arrived before it): an auto-reply stamps its call and moves the lead new → contacted.
 */
export async function markAcceptedInTx(
  tx: Tx,
  outbox: Outbox,
  message: Pick<ClaimedMessage, "id" | "purpose" | "leadId" | "businessId" | "threadId">,
  now: Date,
) {
  if (message.purpose !== "auto_reply") return;
  // Read by nothing later in the unit of work: it goes out with the commit's one statement.
  outbox.write(
    tx.updateTable("Call").set({ smsAcceptedAt: now, updatedAt: now }).where("autoReplyMessageId", "=", message.id),
  );
  const contacted = await tx
    .updateTable("Lead")
    .set({ status: "contacted", contactedAt: now, statusChangedAt: now, updatedAt: now })
    .where("id", "=", message.leadId)
    .where("status", "=", "new")
    .executeTakeFirst();
  if (contacted.numUpdatedRows === 1n) {
    outbox.record(
      "lead.updated",
      { status: "contacted", reason: "auto_reply_accepted" },
      {
        businessId: message.businessId,
        threadId: message.threadId,
        leadId: message.leadId,
        actor: { kind: "system" },
      },
    );
  }
}

/** The message will never go out: failed (Twilio refused) or canceled (we decided not to send). */
export async function recordMessageNotSent(
  message: ClaimedMessage,
  outcome: { status: "failed" | "canceled"; errorCode?: number; errorMessage: string; skipReason?: CallSkipReason },
) {
  await runTransaction(async (tx, outbox) => {
    const changed = await writeMessageStatus(tx, outbox, {
      match: { id: message.id, hasNoSid: true },
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
    });
    if (!changed || message.purpose !== "auto_reply") return;
    const skipReason =
      outcome.skipReason ??
      (outcome.errorCode === UNSUBSCRIBED_RECIPIENT
        ? "opted_out"
        : outcome.errorCode === NOT_A_MOBILE_NUMBER
          ? "landline"
          : "rejected");
    await tx
      .updateTable("Call")
      .set({ skipReason, updatedAt: new Date() })
      .where("autoReplyMessageId", "=", message.id)
      .execute();
  });
}

/** A retryable failure: back to `queued` so the next attempt (or the outbox sweep) can claim it again. */
export async function releaseMessageForRetry(message: ClaimedMessage, error: { twilioCode?: number; message: string }) {
  await db.message.updateMany({
    where: { id: message.id, status: "sending", messageSid: null },
    data: { status: "queued", errorCode: error.twilioCode ?? null, errorMessage: error.message.slice(0, 500) },
  });
}
