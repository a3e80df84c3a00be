// PATCH /api/leads/{id}: people edit a lead's details and decide won/lost. A status change is logged (Event
// lead.status_changed with the user as actor), closes the lead for won/lost, and goes to CRM webhooks.
import { z } from "zod";
import type { Prisma } from "@prisma/client";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { getBoss } from "@/lib/jobs/boss";
import { publishRecordedEvents, recordEvent } from "@/lib/events/record-event";
import { leadStatuses, leadUrgencies } from "@/lib/leads/lead-query-schema";
import { leadListSelect } from "@/lib/leads/list-leads";
import { emitWebhookEventInTx } from "@/lib/webhooks/emit-webhook-event";

const text = (max: number) => z.string().trim().max(max).nullable();

export const leadPatchSchema = z
  .object({
    status: z.enum(leadStatuses),
    name: text(120),
    address: text(300),
    service: text(200),
    problem: text(2000),
    urgency: z.enum(leadUrgencies),
    preferredTime: text(200),
    notes: z.string().max(10_000),
    valueCents: z.number().int().min(0).max(1_000_000_000).nullable(),
  })
  .partial()
  .strict();

export type LeadPatch = z.infer<typeof leadPatchSchema>;

export async function updateLead({
  businessId,
  leadId,
  userId,
  patch,
}: {
  businessId: string;
  leadId: string;
  userId: string;
  patch: LeadPatch;
}) {
  // The CRM webhook job is enqueued inside the transaction; start the queue first (its first start is slow).
  await getBoss();
  const { events, lead } = await db.$transaction(async (tx) => {
    // Lock the row (and prove it belongs to this business) so concurrent status changes log in order.
    const locked = await tx.$queryRaw<{ id: string; status: string }[]>`
      SELECT id, status::text AS status FROM "Lead" WHERE id = ${leadId} AND "businessId" = ${businessId} FOR UPDATE`;
    const current = locked[0];
    if (!current) throw new AppError("not_found", "Lead not found.");
    const now = new Date();
    const data: Prisma.LeadUpdateInput = { ...patch };
    const isStatusChange = patch.status !== undefined && patch.status !== current.status;
    if (isStatusChange) {
      data.statusChangedAt = now;
      data.closedAt = patch.status === "won" || patch.status === "lost" ? now : null;
      if (patch.status === "contacted") data.contactedAt = now;
      if (patch.status === "qualified") data.qualifiedAt = now;
    }
    const updated = await tx.lead.update({ where: { id: leadId }, data, select: leadListSelect });
    const recorded = [];
    if (isStatusChange) {
      recorded.push(
        await recordEvent(
          {
            businessId,
            leadId,
            type: "lead.status_changed",
            actor: { kind: "user", userId },
            payload: { from: current.status, to: patch.status!, valueCents: updated.valueCents },
          },
          tx,
        ),
      );
    }
    const fields = Object.keys(patch);
    if (fields.length > 0) {
      recorded.push(
        await recordEvent(
          { businessId, leadId, type: "lead.updated", actor: { kind: "user", userId }, payload: { fields } },
          tx,
        ),
      );
      await emitWebhookEventInTx(tx, {
        businessId,
        type: "lead.updated",
        data: {
          lead: { ...updated, createdAt: updated.createdAt.toISOString(), updatedAt: updated.updatedAt.toISOString() },
          changed: fields,
        },
      });
    }
    return { events: recorded, lead: updated };
  });
  await publishRecordedEvents(events);
  return lead;
}
