// Twilio error 21610 ("unsubscribed recipient": the number texted STOP to the carrier) opts the number out for
// this business, like a STOP keyword: recorded as a ConsentChange with source twilio_error.
import type { Prisma } from "@prisma/client";
import { recordEvent } from "@/lib/events/record-event";

export const UNSUBSCRIBED_RECIPIENT = 21610;

/** Returns the recorded event (publish it after commit), or null when the number was already opted out. */
export async function optOutAfterTwilioError(
  tx: Prisma.TransactionClient,
  { businessId, phone, messageSid }: { businessId: string; phone: string; messageSid?: string | null },
) {
  const lead = await tx.lead.findUnique({ where: { businessId_phone: { businessId, phone } }, select: { id: true } });
  if (lead) {
    const changed = await tx.lead.updateMany({
      where: { id: lead.id, isOptedOut: false },
      data: { isOptedOut: true, optedOutAt: new Date() },
    });
    if (changed.count === 0) return null;
  }
  await tx.consentChange.create({
    data: {
      businessId,
      leadId: lead?.id ?? null,
      phone,
      action: "opt_out",
      source: "twilio_error",
      messageSid: messageSid ?? null,
    },
  });
  const thread = lead
    ? await tx.thread.findFirst({
        where: { businessId, leadId: lead.id },
        orderBy: { createdAt: "desc" },
        select: { id: true },
      })
    : null;
  return recordEvent(
    {
      businessId,
      threadId: thread?.id ?? null,
      leadId: lead?.id ?? null,
      type: "consent.opted_out",
      actor: { kind: "twilio" },
      payload: { source: "twilio_error", errorCode: UNSUBSCRIBED_RECIPIENT, messageSid: messageSid ?? null },
    },
    tx,
  );
}
