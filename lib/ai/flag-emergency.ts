// Tool `flag_emergency`: urgency → emergency and an urgent notification at once (once per thread, not per mention).
import { z } from "zod";
import { db } from "@/lib/db/client";
import { publishRecordedEvents } from "@/lib/events/record-event";
import { notifyMembersInTx } from "@/lib/notifications/notify-members";
import { customerLabel, shortPreview } from "@/lib/conversations/customer-label";
import { recordToolCall } from "@/lib/ai/record-tool-call";
import type { TurnContext, TurnOutcome } from "@/lib/ai/turn-context";

export const flagEmergencyInput = z.object({
  reason: z.string().trim().min(1).max(200).describe("what the emergency is, e.g. 'smells gas in the basement'"),
});

export async function flagEmergency(
  context: TurnContext,
  outcome: TurnOutcome,
  input: z.infer<typeof flagEmergencyInput>,
) {
  const { reason } = flagEmergencyInput.parse(input);
  outcome.isEmergency = true;
  const event = await db.$transaction(async (tx) => {
    const recorded = await recordToolCall(tx, context, "flag_emergency", { reason });
    const lead = await tx.lead.findUniqueOrThrow({
      where: { id: context.leadId },
      select: { name: true, phone: true, urgency: true },
    });
    if (lead.urgency !== "emergency")
      await tx.lead.update({ where: { id: context.leadId }, data: { urgency: "emergency" } });
    // One urgent alert per thread, however often the emergency is mentioned (or set through update_lead first).
    const alreadyAlerted = await tx.notification.findFirst({
      where: { threadId: context.threadId, kind: "emergency" },
      select: { id: true },
    });
    if (alreadyAlerted) return recorded;
    await notifyMembersInTx(tx, {
      businessId: context.businessId,
      threadId: context.threadId,
      kind: "emergency",
      title: `Emergency: ${customerLabel(lead)}`,
      body: shortPreview(reason),
      isUrgent: true,
    });
    return recorded;
  });
  await publishRecordedEvents([event]);
  return { notified: true };
}
