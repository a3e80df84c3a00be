// One lead with everything the detail view shows: conversation, calls (voicemail, skip reasons), consent history.
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { callSelect, messageSelect, presentCall, presentMessage } from "@/lib/conversations/message-call-select";
import { leadListSelect } from "@/lib/leads/list-leads";

export async function getLeadById({ businessId, leadId }: { businessId: string; leadId: string }) {
  const lead = await db.lead.findFirst({
    where: { id: leadId, businessId },
    select: {
      ...leadListSelect,
      preferredTime: true,
      notes: true,
      optedOutAt: true,
      contactedAt: true,
      qualifiedAt: true,
      closedAt: true,
      threads: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          mode: true,
          autoTextedAt: true,
          firstCustomerReplyAt: true,
          takenOverAt: true,
          createdAt: true,
          messages: {
            orderBy: { createdAt: "asc" },
            take: 500,
            select: messageSelect,
          },
        },
      },
      calls: { orderBy: { createdAt: "desc" }, take: 100, select: callSelect },
      consentChanges: {
        orderBy: { createdAt: "desc" },
        select: {
          id: true,
          action: true,
          source: true,
          keyword: true,
          reason: true,
          messageId: true,
          createdAt: true,
        },
      },
    },
  });
  if (!lead) throw new AppError("not_found", "Lead not found.");
  const statusEvents = await db.event.findMany({
    where: { businessId, leadId, type: "lead.status_changed" },
    orderBy: { id: "desc" },
    take: 50,
    select: { id: true, actorKind: true, actorUserId: true, payload: true, createdAt: true },
  });
  return {
    ...lead,
    threads: lead.threads.map((thread) => ({ ...thread, messages: thread.messages.map(presentMessage) })),
    calls: lead.calls.map(presentCall),
    statusHistory: statusEvents.map((event) => ({ ...event, id: event.id.toString() })),
  };
}

export type LeadDetail = Awaited<ReturnType<typeof getLeadById>>;
