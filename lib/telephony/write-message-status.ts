// The one writer of an outgoing message's status, for Twilio's callbacks and for the send job's own outcomes: a
// conditional UPDATE (so a repeated or late report changes nothing and logs nothing), the `message.status` event,
// and the opt-out that Twilio's 21610 means. Callers add what only they know (the call's stamps, the lead's status).
import type { Updateable } from "kysely";
import type { Tx } from "@/lib/db/kysely";
import type { Outbox } from "@/lib/db/run-transaction";
import type { Message } from "@/lib/db/generated/kysely-types";
import type { MessageStatus } from "@/lib/db/generated/kysely-enums";
import { optOutAfterTwilioError, UNSUBSCRIBED_RECIPIENT } from "@/lib/telephony/opt-out-after-twilio-error";

export type StatusChange = {
  /** Twilio's sid (status callbacks), or our id for a message Twilio has no sid for yet (the send job) */
  match: { messageSid: string } | { id: string; hasNoSid: true };
  /** the statuses it may move from (any, when omitted) */
  from?: MessageStatus[];
  to: MessageStatus;
  /** columns set with the status */
  set?: Omit<Updateable<Message>, "status" | "updatedAt">;
  errorCode?: number | null;
  /** a readable reason for the log */
  reason?: string;
  actor: "twilio" | "system";
};

export async function writeMessageStatus(tx: Tx, outbox: Outbox, change: StatusChange) {
  let update = tx.updateTable("Message").set({ ...change.set, status: change.to, updatedAt: new Date() });
  if (change.from) update = update.where("status", "in", change.from);
  update =
    "messageSid" in change.match
      ? update.where("messageSid", "=", change.match.messageSid)
      : update.where("id", "=", change.match.id).where("messageSid", "is", null);
  const message = await update
    .returning(["id", "businessId", "threadId", "leadId", "toNumber", "purpose", "messageSid"])
    .executeTakeFirst();
  if (!message) return null;
  outbox.record(
    "message.status",
    {
      messageId: message.id,
      status: change.to,
      ...(change.errorCode !== undefined ? { errorCode: change.errorCode } : {}),
      ...(change.reason !== undefined ? { reason: change.reason } : {}),
    },
    {
      businessId: message.businessId,
      threadId: message.threadId,
      leadId: message.leadId,
      actor: { kind: change.actor },
    },
  );
  if (change.errorCode === UNSUBSCRIBED_RECIPIENT) {
    await optOutAfterTwilioError(tx, outbox, {
      businessId: message.businessId,
      phone: message.toNumber,
      messageSid: message.messageSid,
    });
  }
  return message;
}
