// The inbox list: a business's conversations, newest activity first, each with what the list row shows.
import { isVoicemailPreview } from "@/lib/calls/record-voicemail";
import { aiOutlook, aiOutlookJson, aiRuleBusinessSelect } from "@/lib/conversations/ai-turn-rule";
import { db } from "@/lib/db/client";
import { customerLeadsOnly } from "@/lib/setup-test/test-caller";

const PREVIEW_CHARS = 140;

export async function listThreads({
  businessId,
  limit = 50,
  before,
}: {
  businessId: string;
  limit?: number;
  before?: Date;
}) {
  const threads = await db.thread.findMany({
    where: {
      businessId,
      // "Test my setup" conversations stay out of the inbox.
      lead: customerLeadsOnly,
      ...(before ? { lastMessageAt: { lt: before } } : {}),
    },
    orderBy: { lastMessageAt: "desc" },
    take: limit,
    select: {
      id: true,
      mode: true,
      isWaitingOnPerson: true,
      windowDeadline: true,
      aiGenerationId: true,
      unreadCount: true,
      holderUserId: true,
      lastMessageAt: true,
      lastMessagePreview: true,
      lead: {
        select: {
          id: true,
          phone: true,
          name: true,
          status: true,
          service: true,
          urgency: true,
          isOptedOut: true,
          language: true,
          languageSource: true,
        },
      },
      messages: {
        where: { purpose: { not: "escalation" } },
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { body: true, direction: true, authorKind: true, createdAt: true },
      },
    },
  });
  // The hours and availability rule reads the business once for the whole list.
  const business = await db.business.findUnique({ where: { id: businessId }, select: aiRuleBusinessSelect });
  const now = new Date();
  return threads.map(({ messages, lead, ...thread }) => {
    const last = messages[0];
    // A voicemail left after the last message is the newest thing in the conversation: the row shows it.
    const isPreviewNewer =
      isVoicemailPreview(thread.lastMessagePreview) && (!last || thread.lastMessageAt > last.createdAt);
    return {
      id: thread.id,
      customerPhone: lead.phone,
      lead,
      mode: thread.mode,
      holderUserId: thread.holderUserId,
      isWaitingOnPerson: thread.isWaitingOnPerson,
      ...aiOutlookJson(
        business
          ? aiOutlook({ ...thread, isAiWriting: Boolean(thread.aiGenerationId), isOptedOut: lead.isOptedOut }, business)
          : { aiDueAt: null, waitingOnPerson: thread.isWaitingOnPerson },
        now,
      ),
      unreadCount: thread.unreadCount,
      lastActivityAt: thread.lastMessageAt.toISOString(),
      lastMessage:
        last && !isPreviewNewer
          ? {
              body: last.body.slice(0, PREVIEW_CHARS),
              direction: last.direction,
              authorKind: last.authorKind,
              at: last.createdAt.toISOString(),
            }
          : thread.lastMessagePreview
            ? {
                body: thread.lastMessagePreview,
                direction: null,
                authorKind: null,
                at: thread.lastMessageAt.toISOString(),
              }
            : null,
    };
  });
}

export type ThreadListItem = Awaited<ReturnType<typeof listThreads>>[number];
