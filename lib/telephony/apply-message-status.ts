// Twilio's message status callbacks: they may arrive twice or out of order. A status only ever moves forward
// (queued < sending < sent < delivered | undelivered | failed), so a late "sent" never undoes "delivered",
// and a conditional UPDATE makes the second copy of a callback change nothing and log nothing.
import { sqlDb } from "@/lib/db/kysely";
import { runTransaction } from "@/lib/db/run-transaction";
import type { MessageStatus } from "@/lib/db/generated/kysely-enums";
import { logger } from "@/lib/log";
import { markAcceptedInTx } from "@/lib/telephony/record-send-outcome";
import { writeMessageStatus } from "@/lib/telephony/write-message-status";

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
  // "sending" and "sent" usually find their message there already: the send job stores Twilio's answer. A status
  // only moves forward (and a message's sid, once stored, stays), so one read of what the transaction below would
  // match tells that it would change nothing, without a transaction.
  if (newRank <= rank.sent! && !(await mayChangeStatus(input, lowerStatuses))) {
    return unchanged(status);
  }
  return runTransaction(async (tx, outbox) => {
    const change = { from: lowerStatuses, to: status, errorCode: input.errorCode ?? null, actor: "twilio" } as const;
    let message = await writeMessageStatus(tx, outbox, { ...change, match: { messageSid: input.messageSid }, set });
    let isAdopted = false;
    if (!message && input.messageId) {
      // The callback came before the send job read Twilio's answer: the message has no sid yet. Our id in the URL
      // finds it; the sid and the acceptance are stored now, and the send job's own write then has nothing to do.
      message = await writeMessageStatus(tx, outbox, {
        ...change,
        match: { id: input.messageId, hasNoSid: true },
        set: {
          ...(isFailure ? {} : { errorCode: null, errorMessage: null }),
          ...set,
          messageSid: input.messageSid,
          sentAt: now,
        },
      });
      if (message) {
        await markAcceptedInTx(tx, outbox, message, now);
        isAdopted = true;
      }
    }
    if (!message) {
      return unchanged(status);
    }
    if (status === "delivered" && message.purpose === "auto_reply") {
      const stampDelivered = tx
        .updateTable("Call")
        .set({ smsDeliveredAt: now, updatedAt: now })
        .where("autoReplyMessageId", "=", message.id)
        .where("smsDeliveredAt", "is", null);
      // Read by nothing later in the unit of work: it goes out with the commit's one statement, unless the
      // acceptance just written there stamps the same call (one statement must not update a row twice).
      if (isAdopted) await stampDelivered.execute();
      else outbox.write(stampDelivered);
    }
    return { changed: true };
  });
}

/** Whether a message the callback's transaction would update (by sid, or by our id while it has no sid) exists. */
async function mayChangeStatus(
  input: { messageSid: string; messageId?: string },
  lowerStatuses: MessageStatus[],
): Promise<boolean> {
  const row = await sqlDb()
    .selectNoFrom((eb) =>
      eb
        .or([
          eb.exists(
            eb
              .selectFrom("Message")
              .select("id")
              .where("messageSid", "=", input.messageSid)
              .where("status", "in", lowerStatuses),
          ),
          ...(input.messageId
            ? [
                eb.exists(
                  eb
                    .selectFrom("Message")
                    .select("id")
                    .where("id", "=", input.messageId)
                    .where("messageSid", "is", null)
                    .where("status", "in", lowerStatuses),
                ),
              ]
            : []),
        ])
        .as("mayChange"),
    )
    .executeTakeFirstOrThrow();
  return Boolean(row.mayChange);
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
