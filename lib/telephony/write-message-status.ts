// The one writer of an outgoing message's status, for Twilio's callbacks and for the send job's own outcomes: a
// conditional UPDATE (so a repeated or late report changes nothing and logs nothing), the `message.status` event,
// and the opt-out that Twilio's 21610 means. Callers add what only they know (the call's stamps, the lead's status)
// as writes that depend on the change.
//
// The caller has read the message (its id and what it belongs to never change), so the whole change is known
// before it is written and fits in one statement without BEGIN and COMMIT (runStatement): the status UPDATE, the
// caller's writes and the event each run only when the UPDATE matched. A 21610 needs reads of its own (the lead,
// its thread), so that one change runs as a transaction.
import type { Kysely, Selectable, Updateable } from "kysely";
import type { DB } from "@/lib/db/kysely";
import { rowsWritten, runStatement, runTransaction, type Outbox, type WriteHandle } from "@/lib/db/run-transaction";
import type { Message } from "@/lib/db/generated/kysely-types";
import type { MessageStatus } from "@/lib/db/generated/kysely-enums";
import { optOutAfterTwilioError, UNSUBSCRIBED_RECIPIENT } from "@/lib/telephony/opt-out-after-twilio-error";

/** What the writer needs of the message: its id, what it belongs to, and where it went. */
export type StatusMessage = Pick<Selectable<Message>, "id" | "businessId" | "threadId" | "leadId" | "toNumber">;

export type StatusChange = {
  /** the message as Twilio knows it (status callbacks: its sid), or while Twilio has no sid for it yet (the send job) */
  match: { messageSid: string } | { hasNoSid: true };
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

/** The caller's own writes, each made to depend on `changed` (`.where(changed.happened)`, `{ onlyIf: changed }`). */
export type DependentWrites = (qb: Kysely<DB>, outbox: Outbox, changed: WriteHandle) => void;

/**
 * Changes the message's status as one unit of work, with the caller's dependent writes. True when the message
 * changed; false when the report was repeated, late, or for a message in another state.
 */
export async function changeMessageStatus(
  message: StatusMessage,
  change: StatusChange,
  dependents: DependentWrites = () => {},
): Promise<boolean> {
  if (change.errorCode !== UNSUBSCRIBED_RECIPIENT) {
    const { built: changed, flushed } = await runStatement((qb, outbox) => {
      const changed = deferStatus(qb, outbox, message, change);
      dependents(qb, outbox, changed);
      return changed;
    });
    return rowsWritten(flushed, changed) > 0;
  }
  return runTransaction(async (tx, outbox) => {
    const changed = deferStatus(tx, outbox, message, change);
    dependents(tx, outbox, changed);
    if (rowsWritten(await outbox.flush(tx), changed) === 0) return false;
    await optOutAfterTwilioError(tx, outbox, {
      businessId: message.businessId,
      phone: message.toNumber,
      messageSid: "messageSid" in change.match ? change.match.messageSid : (change.set?.messageSid ?? null),
    });
    return true;
  });
}

/** The conditional UPDATE and its event, handed to the outbox. */
function deferStatus(qb: Kysely<DB>, outbox: Outbox, message: StatusMessage, change: StatusChange): WriteHandle {
  let update = qb
    .updateTable("Message")
    .set({ ...change.set, status: change.to, updatedAt: new Date() })
    .where("id", "=", message.id);
  if (change.from) update = update.where("status", "in", change.from);
  update =
    "messageSid" in change.match
      ? update.where("messageSid", "=", change.match.messageSid)
      : update.where("messageSid", "is", null);
  const changed = outbox.write(update.returning("id"));
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
    { onlyIf: changed },
  );
  return changed;
}
