// Opt-out, opt-in and help keywords, English and Spanish, inside the inbound message's unit of work (the
// conversation is locked). Twilio acts on the English carrier keywords itself and confirms STOP and START on real
// numbers, so the app sends nothing for those; the Spanish keywords are ours, so the app confirms them, once, in
// Spanish. HELP and AYUDA get our answer in their language.
import type { Tx } from "@/lib/db/kysely";
import type { Outbox } from "@/lib/db/run-transaction";
import { AppError } from "@/lib/errors";
import type { KeywordIntent } from "@/lib/consent/classify-consent";
import { changeConsentInTx } from "@/lib/consent/change-consent";
import type { LockedLead } from "@/lib/conversations/lock-conversation";
import { queueOutgoingMessageInTx } from "@/lib/conversations/queue-outgoing-message";
import { customerTexts } from "@/lib/language/customer-texts";

type KeywordContext = {
  businessId: string;
  businessName: string;
  threadId: string;
  messageId: string;
  messageSid: string | null;
  lead: LockedLead;
};

export async function applyConsentKeyword(tx: Tx, outbox: Outbox, keyword: KeywordIntent, context: KeywordContext) {
  const { businessId, threadId, lead } = context;
  if (keyword.kind === "help") {
    try {
      await queueOutgoingMessageInTx(tx, outbox, {
        businessId,
        threadId,
        body: customerTexts[keyword.language].help(context.businessName),
        purpose: "keyword_reply",
        authorKind: "system",
        lead,
      });
    } catch (error) {
      // An opted-out number gets nothing from us, not even HELP (the carrier answers it).
      if (error instanceof AppError && error.code === "opted_out") return;
      throw error;
    }
    return;
  }
  await changeConsentInTx(tx, outbox, {
    businessId,
    businessName: context.businessName,
    threadId,
    lead,
    action: keyword.kind,
    source: "keyword",
    keyword: keyword.keyword,
    messageId: context.messageId,
    messageSid: context.messageSid,
    confirmIn: keyword.isCarrierKeyword ? null : keyword.language,
    actor: { kind: "customer" },
  });
}
