// One way to change a customer's consent, inside the caller's unit of work (the conversation is locked): the lead's
// flag, the ConsentChange row (time, source, the customer's words, the message that carried it), the event, and the
// one confirmation the app sends when the carrier does not send its own. An opt-out also abandons any AI reply being
// written (its atomic send check fails once the generation is cleared) and the pending window.
import { newId } from "@/lib/db/new-id";
import type { Tx } from "@/lib/db/kysely";
import type { Outbox } from "@/lib/db/run-transaction";
import type { Actor } from "@/lib/events/catalogue";
import type { LockedLead } from "@/lib/conversations/lock-conversation";
import { queueOutgoingMessageInTx } from "@/lib/conversations/queue-outgoing-message";
import { customerTexts } from "@/lib/language/customer-texts";
import type { ReplyLanguage } from "@/lib/language/languages";

export type ConsentSource = "keyword" | "free_text" | "ai_tool";

export type ConsentChangeInput = {
  businessId: string;
  businessName: string;
  threadId: string;
  lead: Pick<LockedLead, "id" | "phone" | "isOptedOut">;
  action: "opt_out" | "opt_in";
  source: ConsentSource;
  keyword?: string | null;
  /** the customer's own words (free text), or the model's reason (its opt_out tool) */
  reason?: string | null;
  /** the inbound message that carried the change */
  messageId?: string | null;
  messageSid?: string | null;
  /** the language of our confirmation; null when the carrier confirms it (English STOP and START) */
  confirmIn: ReplyLanguage | null;
  actor: Actor;
};

/** The most of the customer's words kept as the reason (a text is at most 1,600 characters). */
const REASON_MAX = 500;

export async function changeConsentInTx(
  tx: Tx,
  outbox: Outbox,
  input: ConsentChangeInput,
): Promise<{ isChanged: boolean }> {
  const { businessId, threadId, lead } = input;
  const isOptOut = input.action === "opt_out";
  const isChanged = lead.isOptedOut !== isOptOut;
  const now = new Date();
  const reason = input.reason?.trim().slice(0, REASON_MAX) || null;
  await tx
    .updateTable("Lead")
    .set(
      isOptOut
        ? { isOptedOut: true, ...(isChanged ? { optedOutAt: now } : {}), updatedAt: now }
        : { isOptedOut: false, optedOutAt: null, updatedAt: now },
    )
    .where("id", "=", lead.id)
    .execute();
  await tx
    .insertInto("ConsentChange")
    .values({
      id: newId(),
      businessId,
      leadId: lead.id,
      phone: lead.phone,
      action: input.action,
      source: input.source,
      keyword: input.keyword ?? null,
      messageSid: input.messageSid ?? null,
      messageId: input.messageId ?? null,
      reason,
      createdAt: now,
    })
    .execute();
  if (isOptOut) {
    await tx
      .updateTable("Thread")
      .set({ aiGenerationId: null, windowDeadline: null, updatedAt: now })
      .where("id", "=", threadId)
      .execute();
  }
  outbox.record(
    isOptOut ? "consent.opted_out" : "consent.opted_in",
    {
      source: input.source,
      ...(input.keyword ? { keyword: input.keyword } : {}),
      ...(reason ? { reason } : {}),
      messageSid: input.messageSid ?? null,
      messageId: input.messageId ?? null,
    },
    { businessId, threadId, leadId: lead.id, actor: input.actor },
  );
  // One confirmation per change: a second PARAR from a number already opted out gets nothing more.
  if (isChanged && input.confirmIn) {
    const texts = customerTexts[input.confirmIn];
    await queueOutgoingMessageInTx(tx, outbox, {
      businessId,
      threadId,
      body: isOptOut ? texts.optOutConfirmation(input.businessName) : texts.optInConfirmation(input.businessName),
      purpose: isOptOut ? "consent_reply" : "keyword_reply",
      authorKind: "system",
      lead: { ...lead, isOptedOut: isOptOut },
    });
  }
  return { isChanged };
}
