// One conversation for the thread view: messages (who wrote each), calls with voicemail, the lead, recent events.
import { aiOutlook, aiOutlookJson, aiRuleBusinessSelect } from "@/lib/conversations/ai-turn-rule";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { callSelect, messageSelect, presentCall, presentMessage } from "@/lib/conversations/message-call-select";

export async function getThread({
  businessId,
  threadId,
  markRead = false,
}: {
  businessId: string;
  threadId: string;
  markRead?: boolean;
}) {
  const thread = await db.thread.findFirst({
    where: { id: threadId, businessId },
    select: {
      id: true,
      mode: true,
      isWaitingOnPerson: true,
      unreadCount: true,
      aiGenerationId: true,
      aiTurnCount: true,
      windowDeadline: true,
      takenOverAt: true,
      lastMessageAt: true,
      createdAt: true,
      holder: { select: { id: true, name: true, email: true } },
      business: { select: aiRuleBusinessSelect },
      aiDrafts: {
        where: { status: "pending" },
        take: 1,
        select: { id: true, body: true, createdAt: true, autoSendAt: true },
      },
      lead: {
        select: {
          id: true,
          phone: true,
          name: true,
          address: true,
          service: true,
          problem: true,
          urgency: true,
          preferredTime: true,
          status: true,
          isOptedOut: true,
          notes: true,
          language: true,
          languageSource: true,
          optedOutAt: true,
          consentChanges: {
            orderBy: { createdAt: "desc" },
            take: 1,
            select: { action: true, source: true, keyword: true, reason: true, messageId: true, createdAt: true },
          },
        },
      },
      messages: {
        where: { purpose: { not: "escalation" } },
        orderBy: { createdAt: "asc" },
        take: 500,
        select: messageSelect,
      },
      calls: { orderBy: { createdAt: "asc" }, select: callSelect },
    },
  });
  if (!thread) throw new AppError("not_found", "Conversation not found.");
  const events = await db.event.findMany({
    where: { businessId, threadId },
    orderBy: { id: "desc" },
    take: 50,
    select: { id: true, type: true, actorKind: true, actorUserId: true, payload: true, createdAt: true },
  });
  if (markRead && thread.unreadCount > 0) {
    await db.thread.updateMany({ where: { id: threadId, businessId }, data: { unreadCount: 0 } });
  }
  const {
    aiTurnCount,
    business,
    aiDrafts,
    lead: { consentChanges, ...lead },
    ...rest
  } = thread;
  const outlook = aiOutlook(
    { ...thread, isAiWriting: Boolean(thread.aiGenerationId), isOptedOut: thread.lead.isOptedOut },
    business,
  );
  return {
    ...rest,
    // When the AI answers if nobody acts (the countdown), or that a person is expected to.
    ...aiOutlookJson(outlook),
    /** the AI's reply waiting for a person's approval ("AI suggests, I approve"), or null */
    draft: aiDrafts[0] ?? null,
    /** `consent`: the latest opt-out or opt-in, with the customer's own words when they gave them (null: none). */
    lead: { ...lead, consent: consentChanges[0] ?? null },
    // The AI had this conversation at some point: only then is "Hand back to AI" a thing to offer.
    hasAiTurns: aiTurnCount > 0 || thread.messages.some((message) => message.authorKind === "ai"),
    unreadCount: markRead ? 0 : thread.unreadCount,
    /** The customer's language, as the lead keeps it ("en" until detected or set by a person). */
    language: thread.lead.language,
    isAiWriting: Boolean(thread.aiGenerationId),
    aiGenerationId: thread.aiGenerationId,
    messages: thread.messages.map(presentMessage),
    calls: thread.calls.map(presentCall),
    events: events.reverse().map((event) => ({ ...event, id: event.id.toString() })),
  };
}

export type ThreadDetail = Awaited<ReturnType<typeof getThread>>;
