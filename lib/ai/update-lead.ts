// Tool `update_lead`: what the AI learned about the job goes into the lead. Name + address + service known →
// the lead is `qualified` (only from new/contacted: people's decisions, won/lost, are never overridden).
import type { Prisma } from "@prisma/client";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { publishRecordedEvents, recordEvent } from "@/lib/events/record-event";
import { emitWebhookEventInTx } from "@/lib/webhooks/emit-webhook-event";
import { recordToolCall } from "@/lib/ai/record-tool-call";
import type { TurnContext } from "@/lib/ai/turn-context";

const field = z.string().trim().min(1).max(200);

export const updateLeadInput = z.object({
  name: field.optional().describe("the customer's name"),
  address: field.optional().describe("the service address"),
  service: field.optional().describe("the kind of job, e.g. 'water heater repair'"),
  problem: field.optional().describe("the problem in the customer's words, short"),
  urgency: z.enum(["low", "normal", "high", "emergency"]).optional(),
  preferredTime: field.optional().describe("when the customer would like someone to come"),
});

export type UpdateLeadInput = z.infer<typeof updateLeadInput>;

export async function updateLead(context: TurnContext, rawInput: UpdateLeadInput) {
  const input = updateLeadInput.parse(rawInput);
  const changes = Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== undefined),
  ) as UpdateLeadInput;
  const events = await db.$transaction(async (tx) => {
    const recorded = [await recordToolCall(tx, context, "update_lead", changes)];
    if (Object.keys(changes).length === 0) return recorded;
    const lead = await tx.lead.update({ where: { id: context.leadId }, data: changes });
    const data: Prisma.LeadUpdateInput = {};
    const isQualified = Boolean(lead.name && lead.address && (lead.service || lead.problem));
    if (isQualified && (lead.status === "new" || lead.status === "contacted")) {
      const now = new Date();
      Object.assign(data, { status: "qualified", qualifiedAt: now, statusChangedAt: now });
      await tx.lead.update({ where: { id: lead.id }, data });
    }
    const fields = [...Object.keys(changes), ...(data.status ? ["status"] : [])];
    recorded.push(
      await recordEvent(
        {
          businessId: context.businessId,
          threadId: context.threadId,
          leadId: lead.id,
          type: "lead.updated",
          actor: { kind: "ai" },
          payload: { fields },
        },
        tx,
      ),
    );
    await emitWebhookEventInTx(tx, {
      businessId: context.businessId,
      type: "lead.updated",
      data: { leadId: lead.id, fields, ...changes, status: data.status ?? lead.status },
    });
    return recorded;
  });
  await publishRecordedEvents(events);
  return { saved: Object.keys(changes) };
}
