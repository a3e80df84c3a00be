// The work after the SMS webhook answered: consent first (keywords in English and Spanish and clear requests in the
// customer's own words opt out like STOP; none of them reach the AI; an unclear one goes to a person), then the
// notification, then the thread's mode decides who answers: a person (`human`), the AI at once (`ai`), or the AI
// after the human-priority window (`auto`). An emergency is recognised here too, as the text arrives: the urgent
// alert and the fixed safety advice go out at once, whoever answers later. Both checks are pure CPU.
import { runTransaction } from "@/lib/db/run-transaction";
import { notifyMembersInTx } from "@/lib/notifications/notify-members";
import { customerLabel, shortPreview } from "@/lib/conversations/customer-label";
import { applyConsentKeyword } from "@/lib/conversations/apply-consent-keyword";
import { changeConsentInTx } from "@/lib/consent/change-consent";
import { classifyConsent, consentKeywordOf } from "@/lib/consent/classify-consent";
import { lockConversation } from "@/lib/conversations/lock-conversation";
import { windowDeadlineFor } from "@/lib/conversations/ai-turn-rule";
import { raiseEmergencyInTx } from "@/lib/conversations/raise-emergency";
import { detectEmergency } from "@/lib/ai/detect-emergency";
import { discardPendingDraftInTx } from "@/lib/ai/drafts/discard-draft";
import { scheduleAiTurn } from "@/lib/conversations/schedule-ai-turn";
import { detectThreadLanguage, rememberCustomerLanguage } from "@/lib/language/remember-customer-language";

export async function processInboundMessage({ messageId }: { messageId: string }): Promise<void> {
  const language = await detectThreadLanguage({ messageId });
  await runTransaction(async (tx, outbox) => {
    const message = await tx
      .selectFrom("Message")
      .innerJoin("Business", "Business.id", "Message.businessId")
      .select([
        "Message.id",
        "Message.businessId",
        "Message.threadId",
        "Message.body",
        "Message.messageSid",
        "Message.direction",
        "Message.createdAt",
        "Business.name as businessName",
        "Business.aiEngageDelaySeconds",
        "Business.emergencyAdvice",
      ])
      .where("Message.id", "=", messageId)
      .executeTakeFirst();
    if (!message || message.direction !== "inbound") return;
    // Lead, then thread (the one lock order): turns, takeovers and other messages of this conversation wait.
    const conversation = await lockConversation(tx, { businessId: message.businessId, threadId: message.threadId });
    if (!conversation) return;
    const { lead, thread } = conversation;
    // The marker, claimed under the locks: a retried or duplicated job does nothing twice.
    const claimed = await tx
      .updateTable("Message")
      .set({ processedAt: new Date() })
      .where("id", "=", message.id)
      .where("processedAt", "is", null)
      .executeTakeFirst();
    if (claimed.numUpdatedRows === 0n) return;
    const base = { businessId: message.businessId, threadId: thread.id, leadId: lead.id };
    // An AI draft waiting for approval answered the conversation as it was: stale now (the turn below re-drafts).
    await discardPendingDraftInTx(tx, outbox, { ...base, reason: "customer_message", actor: { kind: "customer" } });

    const keyword = consentKeywordOf(message.body, lead);
    if (keyword) {
      await applyConsentKeyword(tx, outbox, keyword, {
        ...base,
        businessName: message.businessName,
        messageId: message.id,
        messageSid: message.messageSid,
        lead,
      });
      return;
    }
    // At receipt, not when the AI's turn comes (nor never, when a person is available and the AI does not run).
    const emergency = detectEmergency(message.body);
    const alert = emergency
      ? await raiseEmergencyInTx(tx, outbox, {
          ...base,
          businessName: message.businessName,
          lead,
          reason: `${emergency.reason}: ${shortPreview(message.body, 60)}`,
          advice: message.emergencyAdvice ? { text: emergency.advice, language: emergency.language } : null,
          source: "receipt",
          actor: { kind: "system" },
        })
      : null;
    if (lead.isOptedOut) return; // stored and shown (an emergency alerts the team), but nobody texts this number
    rememberCustomerLanguage(tx, outbox, { leadId: lead.id, language });

    const who = customerLabel(lead);
    const preview = shortPreview(message.body) || "[photo]";
    const consent = classifyConsent(message.body);

    if (consent?.kind === "opt_out") {
      // "Please stop texting me": revoked by a reasonable means, exactly like STOP, confirmed once in their words'
      // language (the carrier does not see this one). The customer's words are the reason the thread shows.
      await changeConsentInTx(tx, outbox, {
        ...base,
        businessName: message.businessName,
        lead,
        action: "opt_out",
        source: "free_text",
        reason: message.body,
        messageId: message.id,
        messageSid: message.messageSid,
        confirmIn: consent.language,
        actor: { kind: "customer" },
      });
      await notifyMembersInTx(tx, outbox, {
        ...base,
        kind: "customer_reply",
        title: `${who} opted out of texts`,
        body: preview,
        isUrgent: false,
      });
      return;
    }

    if (consent?.kind === "unclear") {
      // "Enough", "wrong number": maybe a request to stop, maybe not. The AI must not argue or continue: a person
      // reads it and decides (they can still answer; the number is not opted out).
      await tx
        .updateTable("Thread")
        .set({
          mode: "human",
          aiGenerationId: null,
          windowDeadline: null,
          isWaitingOnPerson: true,
          updatedAt: new Date(),
        })
        .where("id", "=", thread.id)
        .execute();
      outbox.record(
        "thread.mode_changed",
        { from: thread.mode, to: "human", reason: "unclear_consent_request" },
        { ...base, actor: { kind: "system" } },
      );
      await notifyMembersInTx(tx, outbox, {
        ...base,
        kind: "customer_reply",
        title: `${who} may not want texts: please read`,
        body: preview,
        isUrgent: false,
      });
      return;
    }

    // The turn first, then the notification: the push reads when the AI will answer (see send-push-job).
    if (thread.mode === "ai") {
      await scheduleAiTurn(tx, outbox, { threadId: thread.id, dueAt: new Date(), reason: "ai_active" });
    } else if (thread.mode === "auto") {
      // The window runs from the message's arrival, not from when this job got to it.
      const dueAt = windowDeadlineFor(message.createdAt, { aiEngageDelaySeconds: message.aiEngageDelaySeconds });
      await scheduleAiTurn(tx, outbox, { threadId: thread.id, dueAt, reason: "window" });
    }
    // The urgent alert already said who and what: no second push for the same text.
    if (!alert?.isNewAlert) {
      await notifyMembersInTx(tx, outbox, { ...base, kind: "customer_reply", title: `${who} replied`, body: preview });
    }
  });
}
