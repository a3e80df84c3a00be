// STOP / START / HELP families, inside the inbound message's unit of work (the conversation is locked). Twilio's own
// opt-out handling answers STOP and START on real numbers, so we send nothing for them (nor in simulator mode);
// HELP gets our answer.
import { newId } from "@/lib/db/new-id";
import type { Tx } from "@/lib/db/kysely";
import type { Outbox } from "@/lib/db/run-transaction";
import { AppError } from "@/lib/errors";
import type { KeywordMatch } from "@/lib/conversations/keywords";
import type { LockedLead } from "@/lib/conversations/lock-conversation";
import { queueOutgoingMessageInTx } from "@/lib/conversations/queue-outgoing-message";

type KeywordContext = {
  businessId: string;
  businessName: string;
  threadId: string;
  leadId: string;
  phone: string;
  messageSid: string | null;
  lead: LockedLead;
};

export async function applyConsentKeyword(tx: Tx, outbox: Outbox, match: KeywordMatch, context: KeywordContext) {
  const { businessId, threadId, leadId } = context;
  if (match.kind === "help") {
    try {
      await queueOutgoingMessageInTx(tx, outbox, {
        businessId,
        threadId,
        body: `${context.businessName}: thanks for your message, we'll get back to you here. Reply STOP to opt out.`,
        purpose: "keyword_reply",
        authorKind: "system",
        lead: context.lead,
      });
    } catch (error) {
      // An opted-out number gets nothing from us, not even HELP (the carrier answers it).
      if (error instanceof AppError && error.code === "opted_out") return;
      throw error;
    }
    return;
  }
  const isOptOut = match.kind === "opt_out";
  const now = new Date();
  await tx
    .updateTable("Lead")
    .set(
      isOptOut
        ? { isOptedOut: true, optedOutAt: now, updatedAt: now }
        : { isOptedOut: false, optedOutAt: null, updatedAt: now },
    )
    .where("id", "=", leadId)
    .execute();
  await tx
    .insertInto("ConsentChange")
    .values({
      id: newId(),
      businessId,
      leadId,
      phone: context.phone,
      action: isOptOut ? "opt_out" : "opt_in",
      source: "keyword",
      keyword: match.keyword,
      messageSid: context.messageSid,
    })
    .execute();
  if (isOptOut) {
    // An AI reply being written is abandoned: its atomic send check fails once the generation is cleared.
    await tx
      .updateTable("Thread")
      .set({ aiGenerationId: null, windowDeadline: null, updatedAt: now })
      .where("id", "=", threadId)
      .execute();
  }
  outbox.record(
    isOptOut ? "consent.opted_out" : "consent.opted_in",
    { keyword: match.keyword, messageSid: context.messageSid, source: "keyword" },
    { businessId, threadId, leadId, actor: { kind: "customer" } },
  );
}
