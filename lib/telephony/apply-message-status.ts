// Twilio's message status callbacks: they may arrive twice or out of order. A status only ever moves forward
// (queued < sending < sent < delivered | undelivered | failed), so a late "sent" never undoes "delivered",
// and a conditional UPDATE makes the second copy of a callback change nothing and log nothing.
import { sqlDb } from "@/lib/db/kysely";
import type { MessageStatus } from "@/lib/db/generated/kysely-enums";
import { logger } from "@/lib/log";
import { deferAccepted } from "@/lib/telephony/record-send-outcome";
import { rememberSentMessage, sentMessage } from "@/lib/telephony/sent-messages";
import { changeMessageStatus } from "@/lib/telephony/write-message-status";

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

/** Twilio and carrier errors worth a readable reason on the message (no blind resend for any of them). */
export const deliveryErrorReasons: Record<number, string> = {
  21211: "Invalid phone number",
  21614: "Not a mobile number (landline)",
  21617: "Message too long (over 1,600 characters)",
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
  /** our Message's id, from the callback URL we gave Twilio (signed with it) */
  messageId?: string;
}) {
  const status = twilioToStatus[input.twilioStatus.toLowerCase()];
  if (!status) return { changed: false };
  const newRank = rank[status]!;
  const lowerStatuses = (Object.keys(rank) as MessageStatus[]).filter((candidate) => rank[candidate]! < newRank);
  // `queued` (a Messaging Service reports it, and `accepted`) is behind every stored status: nothing to move.
  if (lowerStatuses.length === 0) return { changed: false };
  const now = new Date();
  const isFailure = status === "failed" || status === "undelivered";
  const set = {
    ...(status === "delivered" ? { deliveredAt: now } : {}),
    ...(isFailure
      ? {
          failedAt: now,
          errorCode: input.errorCode ?? null,
          errorMessage: (input.errorCode && deliveryErrorReasons[input.errorCode]) || input.errorMessage || null,
        }
      : {}),
  };
  // One read finds the message (by its sid, or by our id while it has no sid yet) and tells whether this status
  // would move it. "sent" usually stops here: the send job stored Twilio's answer already. The write checks again.
  // The read is skipped for a text this instance stored itself (lib/telephony/sent-messages.ts).
  for (let round = 1; ; round++) {
    const message = (round === 1 && sentMessage(input.messageSid)) || (await findMessage(input));
    if (!message || !lowerStatuses.includes(message.status)) return unchanged(status);
    // The callback came before the send job read Twilio's answer: the message has no sid yet. Our id in the URL
    // found it; the sid and the acceptance are stored now, and the send job's own write then has nothing to do.
    const isAdopting = message.messageSid === null;
    const isDelivered = status === "delivered";
    const changed = await changeMessageStatus(
      message,
      {
        match: isAdopting ? { hasNoSid: true } : { messageSid: input.messageSid },
        from: lowerStatuses,
        to: status,
        set: isAdopting
          ? {
              ...(isFailure ? {} : { errorCode: null, errorMessage: null }),
              ...set,
              messageSid: input.messageSid,
              sentAt: now,
            }
          : set,
        errorCode: input.errorCode ?? null,
        actor: "twilio",
      },
      (qb, outbox, changed) => {
        if (isAdopting) {
          deferAccepted(qb, outbox, message, { changed, now, callStamps: isDelivered ? { smsDeliveredAt: now } : {} });
        } else if (isDelivered && message.purpose === "auto_reply") {
          outbox.write(
            qb
              .updateTable("Call")
              .set({ smsDeliveredAt: now, updatedAt: now })
              .where("autoReplyMessageId", "=", message.id)
              .where("smsDeliveredAt", "is", null)
              .where(changed.happened),
          );
        }
      },
    );
    if (changed) {
      rememberSentMessage({ ...message, status, messageSid: input.messageSid });
      return { changed: true };
    }
    // The send job stored the sid between the read and the write: read again, and the sid finds it (once).
    if (!isAdopting || round > 1) return unchanged(status);
  }
}

/** The outgoing message a callback is about: by Twilio's sid, or by our id while Twilio's sid is not stored yet. */
async function findMessage(input: { messageSid: string; messageId?: string }) {
  const columns = ["id", "businessId", "threadId", "leadId", "toNumber", "purpose", "status", "messageSid"] as const;
  const bySid = sqlDb()
    .selectFrom("Message")
    .select(columns)
    .where("messageSid", "=", input.messageSid)
    .where("direction", "=", "outbound");
  const query = input.messageId
    ? bySid.unionAll(
        sqlDb()
          .selectFrom("Message")
          .select(columns)
          .where("id", "=", input.messageId)
          .where("messageSid", "is", null)
          .where("direction", "=", "outbound"),
      )
    : bySid;
  return query.limit(1).executeTakeFirst();
}

/**
 * A callback that changes nothing: for a message we do not know, or a status it already has or passed. Debug, not
 * info: Twilio's "sent" for nearly every text arrives after the send job stored it, so at info this would be a line
 * per text saying nothing.
 */
function unchanged(status: MessageStatus) {
  logger.debug({ status }, "status callback for a message we do not know, or a status it already passed");
  return { changed: false };
}
