// PATCH /api/leads/{id}: people edit a lead's details and decide won/lost. A status change is logged (Event
// lead.status_changed with the user as actor), closes the lead for won/lost, and goes to CRM webhooks.
import type { Updateable } from "kysely";
import { z } from "zod";
import { runTransaction } from "@/lib/db/run-transaction";
import type { Lead } from "@/lib/db/generated/kysely-types";
import { AppError } from "@/lib/errors";
import { languageCodeSchema } from "@/lib/language/languages";
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
    /** The customer's language ("en", "es", …): once set by a person, detection no longer changes it. */
    language: languageCodeSchema,
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
  return runTransaction(async (tx, outbox) => {
    // Lock the row (and prove it belongs to this business) so concurrent status changes log in order.
    const current = await tx
      .selectFrom("Lead")
      .select(["id", "status"])
      .where("id", "=", leadId)
      .where("businessId", "=", businessId)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw new AppError("not_found", "Lead not found.");
    const now = new Date();
    const data: Updateable<Lead> = { ...patch, updatedAt: now };
    if (patch.language !== undefined) data.languageSource = "owner";
    const isStatusChange = patch.status !== undefined && patch.status !== current.status;
    if (isStatusChange) {
      data.statusChangedAt = now;
      data.closedAt = patch.status === "won" || patch.status === "lost" ? now : null;
      if (patch.status === "contacted") data.contactedAt = now;
      if (patch.status === "qualified") data.qualifiedAt = now;
    }
    const updated = await tx
      .updateTable("Lead")
      .set(data)
      .where("id", "=", leadId)
      .returning(leadListColumns)
      .executeTakeFirstOrThrow();
    const refs = { businessId, leadId, actor: { kind: "user" as const, userId } };
    if (isStatusChange) {
      outbox.record(
        "lead.status_changed",
        { from: current.status, to: patch.status!, valueCents: updated.valueCents },
        refs,
      );
    }
    const fields = Object.keys(patch);
    if (fields.length > 0) {
      outbox.record("lead.updated", { fields }, refs);
      await emitWebhookEventInTx(tx, outbox, {
        businessId,
        type: "lead.updated",
        data: {
          lead: { ...updated, createdAt: updated.createdAt.toISOString(), updatedAt: updated.updatedAt.toISOString() },
          changed: fields,
        },
      });
    }
    return updated;
  });
}

/** The columns of leadListSelect, as Kysely's returning list. */
const leadListColumns = Object.keys(leadListSelect) as (keyof typeof leadListSelect)[];
