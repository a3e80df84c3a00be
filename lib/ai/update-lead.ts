// Tool `update_lead`: what the AI learned about the job goes into the lead. Name + address + service known →
// the lead is `qualified` (only from new/contacted: people's decisions, won/lost, are never overridden).
import { z } from "zod";
import { runTransaction } from "@/lib/db/run-transaction";
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
  await runTransaction(async (tx, outbox) => {
    recordToolCall(outbox, context, "update_lead", changes);
    if (Object.keys(changes).length === 0) return;
    const now = new Date();
    const lead = await tx
      .updateTable("Lead")
      .set({ ...changes, updatedAt: now })
      .where("id", "=", context.leadId)
      .returning(["id", "name", "address", "service", "problem", "status"])
      .executeTakeFirstOrThrow();
    const isQualified = Boolean(lead.name && lead.address && (lead.service || lead.problem));
    const becomesQualified = isQualified && (lead.status === "new" || lead.status === "contacted");
    if (becomesQualified) {
      await tx
        .updateTable("Lead")
        .set({ status: "qualified", qualifiedAt: now, statusChangedAt: now, updatedAt: now })
        .where("id", "=", lead.id)
        .execute();
    }
    const fields = [...Object.keys(changes), ...(becomesQualified ? ["status"] : [])];
    outbox.record(
      "lead.updated",
      { fields },
      { businessId: context.businessId, threadId: context.threadId, leadId: lead.id, actor: { kind: "ai" } },
    );
    await emitWebhookEventInTx(tx, outbox, {
      businessId: context.businessId,
      type: "lead.updated",
      data: { leadId: lead.id, fields, ...changes, status: becomesQualified ? "qualified" : lead.status },
    });
  });
  return { saved: Object.keys(changes) };
}
