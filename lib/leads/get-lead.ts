// One lead with everything the detail view shows: conversation, calls (voicemail, skip reasons), consent history.
import { voicemailUrlFor } from "@/lib/calls/voicemail-url";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
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
            select: {
              id: true,
              direction: true,
              authorKind: true,
              purpose: true,
              body: true,
              status: true,
              errorCode: true,
              createdAt: true,
              authorUser: { select: { name: true } },
            },
          },
        },
      },
      calls: {
        orderBy: { createdAt: "desc" },
        take: 100,
        select: {
          id: true,
          createdAt: true,
          status: true,
          dialStatus: true,
          isMissed: true,
          missReason: true,
          skipReason: true,
          isRepeat: true,
          isTest: true,
          smsAcceptedAt: true,
          detectedAt: true,
          voicemailUrl: true,
          recordingSid: true,
          voicemailDurationSec: true,
          voicemailTranscript: true,
        },
      },
      consentChanges: {
        orderBy: { createdAt: "desc" },
        select: { id: true, action: true, source: true, keyword: true, createdAt: true },
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
    // Twilio's recording URL stays on the server: the app plays it through its own authenticated route.
    calls: lead.calls.map(({ recordingSid, ...call }) => ({
      ...call,
      voicemailUrl: voicemailUrlFor({ ...call, recordingSid }),
    })),
    statusHistory: statusEvents.map((event) => ({ ...event, id: event.id.toString() })),
  };
}

export type LeadDetail = Awaited<ReturnType<typeof getLeadById>>;
