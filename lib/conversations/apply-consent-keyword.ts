// STOP / START / HELP families, inside the inbound message's transaction. Twilio's own opt-out handling answers
// STOP and START on real numbers, so we send nothing for them (nor in simulator mode); HELP gets our answer.
import type { Prisma } from "@prisma/client";
import { AppError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import type { KeywordMatch } from "@/lib/conversations/keywords";
import { queueOutgoingMessageInTx } from "@/lib/conversations/queue-outgoing-message";

type KeywordContext = {
  businessId: string;
  businessName: string;
  threadId: string;
  leadId: string;
  phone: string;
  messageSid: string | null;
};

export async function applyConsentKeyword(tx: Prisma.TransactionClient, match: KeywordMatch, context: KeywordContext) {
  const { businessId, threadId, leadId } = context;
  if (match.kind === "help") {
    try {
      const { event } = await queueOutgoingMessageInTx(tx, {
        businessId,
        threadId,
        body: `${context.businessName}: thanks for your message, we'll get back to you here. Reply STOP to opt out.`,
        purpose: "keyword_reply",
        authorKind: "system",
      });
      return [event];
    } catch (error) {
      // An opted-out number gets nothing from us, not even HELP (the carrier answers it).
      if (error instanceof AppError && error.code === "opted_out") return [];
      throw error;
    }
  }
  const isOptOut = match.kind === "opt_out";
  const now = new Date();
  await tx.lead.update({
    where: { id: leadId },
    data: isOptOut ? { isOptedOut: true, optedOutAt: now } : { isOptedOut: false, optedOutAt: null },
  });
  await tx.consentChange.create({
    data: {
      businessId,
      leadId,
      phone: context.phone,
      action: isOptOut ? "opt_out" : "opt_in",
      source: "keyword",
      keyword: match.keyword,
      messageSid: context.messageSid,
    },
  });
  if (isOptOut) {
    // An AI reply being written is abandoned: its atomic send check fails once the generation is cleared.
    await tx.thread.update({ where: { id: threadId }, data: { aiGenerationId: null, windowDeadline: null } });
  }
  const event = await recordEvent(
    {
      businessId,
      threadId,
      leadId,
      type: isOptOut ? "consent.opted_out" : "consent.opted_in",
      actor: { kind: "customer" },
      payload: { keyword: match.keyword, messageSid: context.messageSid, source: "keyword" },
    },
    tx,
  );
  return [event];
}
