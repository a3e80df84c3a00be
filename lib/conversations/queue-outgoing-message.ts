// Every outgoing SMS to a customer goes through here: consent is checked first, the Message is stored as
// `queued`, and the send job is enqueued in the same unit of work (so it is neither lost nor sent twice).
import type { Selectable } from "kysely";
import { getBusinessProfile } from "@/lib/business/business-profile";
import { newId } from "@/lib/db/new-id";
import type { Tx } from "@/lib/db/kysely";
import type { Outbox } from "@/lib/db/run-transaction";
import { runTransaction } from "@/lib/db/run-transaction";
import type { Message } from "@/lib/db/generated/kysely-types";
import type { AuthorKind, MessagePurpose } from "@/lib/db/generated/kysely-enums";
import { AppError } from "@/lib/errors";

/** Twilio's limit for one message's Body (it splits it into segments on the way). */
export const MAX_SMS_CHARACTERS = 1600;

export type OutgoingMessageInput = {
  businessId: string;
  threadId: string;
  body: string;
  purpose: MessagePurpose;
  authorKind: AuthorKind;
  authorUserId?: string | null;
  /** the number to text; defaults to the thread's customer */
  to?: string;
  /** the thread's lead, when the caller already holds it (one read fewer) */
  lead?: { id: string; phone: string; isOptedOut: boolean };
  /** the business number to send from, when the caller knows it (one read fewer) */
  fromNumber?: string;
  /** false when the caller writes the thread's lastMessageAt/preview in its own single UPDATE */
  updatesThread?: boolean;
  /**
   * true when nothing later in the unit of work reads the message's row (the missed call's auto-reply): its INSERT
   * goes out with the events and jobs in the commit's one statement instead of a round trip of its own.
   */
  isInsertDeferred?: boolean;
};

export type QueuedMessage = Pick<
  Selectable<Message>,
  "id" | "body" | "createdAt" | "toNumber" | "fromNumber" | "status" | "authorKind"
>;

/** Inside a unit of work. Throws AppError("opted_out") before anything is written for an opted-out number. */
export async function queueOutgoingMessageInTx(
  tx: Tx,
  outbox: Outbox,
  input: OutgoingMessageInput,
): Promise<QueuedMessage> {
  const fromNumber = input.fromNumber ?? (await getBusinessProfile(input.businessId, tx)).phoneNumbers[0];
  const lead = input.lead ?? (await readThreadLead(tx, input));
  const to = input.to ?? lead.phone;
  // The one exception: the confirmation of the opt-out itself, queued in the unit of work that recorded it.
  if (to === lead.phone && lead.isOptedOut && input.purpose !== "consent_reply") {
    throw new AppError(
      "opted_out",
      "This customer opted out of texts (STOP or a request to stop): nothing can be sent until they text START.",
    );
  }
  if (!fromNumber) throw new AppError("conflict", "This business has no phone number to send from.");
  const body = input.body.trim();
  if (!body) throw new AppError("validation_failed", "A message cannot be empty.");
  if (body.length > MAX_SMS_CHARACTERS) {
    // Twilio refuses a longer body (21617): refused here, before anything is stored or sent.
    throw new AppError("validation_failed", "A text can be at most 1,600 characters.");
  }
  const now = new Date();
  const row = {
    id: newId(),
    businessId: input.businessId,
    threadId: input.threadId,
    leadId: lead.id,
    direction: "outbound" as const,
    authorKind: input.authorKind,
    authorUserId: input.authorUserId ?? null,
    purpose: input.purpose,
    body,
    fromNumber,
    toNumber: to,
    status: "queued" as const,
    updatedAt: now,
  };
  let message: QueuedMessage;
  if (input.isInsertDeferred) {
    // Dated here (not by the database's now()): the row is written later, and its caller returns it now.
    outbox.write(tx.insertInto("Message").values({ ...row, createdAt: now }));
    message = { ...row, createdAt: now };
  } else {
    message = await tx
      .insertInto("Message")
      .values(row)
      .returning(["id", "body", "createdAt", "toNumber", "fromNumber", "status", "authorKind"])
      .executeTakeFirstOrThrow();
  }
  if (input.purpose !== "escalation" && input.updatesThread !== false) {
    await tx
      .updateTable("Thread")
      .set({ lastMessageAt: message.createdAt, lastMessagePreview: body.slice(0, 140), updatedAt: new Date() })
      .where("id", "=", input.threadId)
      .execute();
  }
  outbox.record(
    "message.queued",
    { messageId: message.id, purpose: input.purpose },
    {
      businessId: input.businessId,
      threadId: input.threadId,
      leadId: lead.id,
      actor: { kind: input.authorKind, userId: input.authorUserId },
    },
  );
  outbox.enqueue("send-message", { messageId: message.id }, { singletonKey: message.id });
  return message;
}

/** The thread's lead (and proof that the thread is this business's). */
async function readThreadLead(tx: Tx, input: OutgoingMessageInput) {
  const lead = await tx
    .selectFrom("Thread")
    .innerJoin("Lead", "Lead.id", "Thread.leadId")
    .select(["Lead.id as id", "Lead.phone as phone", "Lead.isOptedOut as isOptedOut"])
    .where("Thread.id", "=", input.threadId)
    .where("Thread.businessId", "=", input.businessId)
    .executeTakeFirst();
  if (!lead) throw new AppError("not_found", "Conversation not found.");
  return lead;
}

/** Standalone version: its own unit of work. */
export function queueOutgoingMessage(input: OutgoingMessageInput) {
  return runTransaction((tx, outbox) => queueOutgoingMessageInTx(tx, outbox, input));
}
