// The work after the SMS webhook answered: keywords first (they never reach the AI), then the notification, then
// the thread's mode decides who answers: a person (`human`), the AI at once (`ai`), or the AI after the
// human-priority window (`auto`).
import { runTransaction } from "@/lib/db/run-transaction";
import { env } from "@/lib/env";
import { notifyMembersInTx } from "@/lib/notifications/notify-members";
import { customerLabel, shortPreview } from "@/lib/conversations/customer-label";
import { applyConsentKeyword } from "@/lib/conversations/apply-consent-keyword";
import { detectKeyword, isInformalStopRequest } from "@/lib/conversations/keywords";
import { lockConversation } from "@/lib/conversations/lock-conversation";
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
        "Business.name as businessName",
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

    const keyword = detectKeyword(message.body);
    if (keyword) {
      await applyConsentKeyword(tx, outbox, keyword, {
        ...base,
        businessName: message.businessName,
        phone: lead.phone,
        messageSid: message.messageSid,
        lead,
      });
      return;
    }
    if (lead.isOptedOut) return; // stored and shown, but nobody texts an opted-out number
    await rememberCustomerLanguage(tx, { leadId: lead.id, language });

    const who = customerLabel(lead);
    const preview = shortPreview(message.body) || "[photo]";

    if (isInformalStopRequest(message.body)) {
      // Not a carrier keyword, but the AI must not argue or continue: a person decides.
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
        { from: thread.mode, to: "human", reason: "customer_asked_to_stop" },
        { ...base, actor: { kind: "system" } },
      );
      await notifyMembersInTx(tx, outbox, {
        ...base,
        kind: "customer_reply",
        title: `${who} asked to stop texting`,
        body: preview,
        isUrgent: false,
      });
      return;
    }

    await notifyMembersInTx(tx, outbox, { ...base, kind: "customer_reply", title: `${who} replied`, body: preview });
    if (thread.mode === "human" || thread.mode === "closed") return;
    if (thread.mode === "ai") {
      await scheduleAiTurn(tx, outbox, { threadId: thread.id, delaySeconds: 0, reason: "ai_active" });
      return;
    }
    const delaySeconds = env().ai.engageDelaySeconds;
    const scheduled = await scheduleAiTurn(tx, outbox, { threadId: thread.id, delaySeconds, reason: "window" });
    if (scheduled.isNew) {
      await tx
        .updateTable("Thread")
        .set({ windowDeadline: new Date(Date.now() + delaySeconds * 1000), updatedAt: new Date() })
        .where("id", "=", thread.id)
        .execute();
    }
  });
}
