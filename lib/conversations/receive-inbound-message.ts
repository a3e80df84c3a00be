// A customer's text, as the webhook hands it over: stored once (idempotent on MessageSid), attached to the lead's
// open thread, logged, and handed to the durable `process-inbound-message` job — all in one unit of work.
import { findBusinessByNumber } from "@/lib/calls/find-business-by-number";
import { newId } from "@/lib/db/new-id";
import { rowsWritten, runTransaction } from "@/lib/db/run-transaction";
import { openConversation } from "@/lib/conversations/lock-conversation";
import { toE164 } from "@/lib/telephony/phone";
import { emitWebhookEventInTx } from "@/lib/webhooks/emit-webhook-event";

export type InboundMessageInput = {
  messageSid: string;
  from: string;
  to: string;
  body: string;
  mediaUrls?: string[];
  /** the content type Twilio gave each of mediaUrls, same order */
  mediaContentTypes?: string[];
  /** when Twilio received it, for a text found late by reconciliation (the webhook's is now) */
  receivedAt?: Date;
};
export type InboundMessageResult =
  { outcome: "stored"; messageId: string; threadId: string } | { outcome: "duplicate" } | { outcome: "unknown_number" };

export async function receiveInboundMessage(input: InboundMessageInput): Promise<InboundMessageResult> {
  const to = toE164(input.to) ?? input.to;
  // Never matched to another business: an unknown number is logged for the health page, nothing else written.
  const business = await findBusinessByNumber(to, "sms");
  if (!business) return { outcome: "unknown_number" };
  const from = toE164(input.from) ?? input.from;
  return storeInboundMessage({ ...input, from, to, businessId: business.id });
}

async function storeInboundMessage(input: InboundMessageInput & { businessId: string }): Promise<InboundMessageResult> {
  const { businessId } = input;
  return runTransaction(async (tx, outbox) => {
    const { lead, thread, isNewLead } = await openConversation(tx, { businessId, phone: input.from, source: "text" });
    // The lead's row lock is held: a concurrent redelivery waits here, then its insert finds the stored MessageSid
    // and stores nothing (the unique index decides, without an error that would abort the transaction). The insert
    // goes out with the commit's one statement, and all that follows it there happens only when it stored the text.
    const body = input.body.trim();
    const now = new Date();
    const messageId = newId();
    const stored = outbox.write(
      tx
        .insertInto("Message")
        .values({
          id: messageId,
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
          mediaContentTypes: input.mediaContentTypes ?? [],
          createdAt: input.receivedAt ?? now,
          updatedAt: now,
        })
        .onConflict((conflict) => conflict.column("messageSid").doNothing())
        .returning("id"),
    );
    outbox.write(
      tx
        .updateTable("Thread")
        .set((eb) => ({
          lastMessageAt: now,
          lastMessagePreview: (body || "[media]").slice(0, 140),
          unreadCount: eb("unreadCount", "+", 1),
          lastCustomerMessageAt: now,
          firstCustomerReplyAt: thread.firstCustomerReplyAt ?? now,
          updatedAt: now,
        }))
        .where("id", "=", thread.id)
        .where(stored.happened),
    );
    const refs = { businessId, threadId: thread.id, leadId: lead.id, actor: { kind: "customer" as const } };
    // A lead this unit of work created is news whatever became of the text (a redelivery finds the lead made).
    if (isNewLead) {
      outbox.record("lead.created", { source: "text" }, refs);
      await emitWebhookEventInTx(tx, outbox, {
        businessId,
        type: "lead.created",
        data: { leadId: lead.id, phone: input.from, source: "text" },
      });
    }
    outbox.record("message.received", { messageId }, refs, { onlyIf: stored });
    outbox.enqueue("process-inbound-message", { messageId }, { singletonKey: messageId, onlyIf: stored.happened });
    const flushed = await outbox.flush(tx);
    if (rowsWritten(flushed, stored) === 0) return { outcome: "duplicate" } as const;
    return { outcome: "stored", messageId, threadId: thread.id } as const;
  });
}
