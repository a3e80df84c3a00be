// Tool `flag_emergency`: urgency → emergency and an urgent notification at once (once per thread, not per mention).
import { z } from "zod";
import { runTransaction } from "@/lib/db/run-transaction";
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
  await runTransaction(async (tx, outbox) => {
    recordToolCall(outbox, context, "flag_emergency", { reason });
    const lead = await tx
      .updateTable("Lead")
      .set({ urgency: "emergency", updatedAt: new Date() })
      .where("id", "=", context.leadId)
      .returning(["name", "phone"])
      .executeTakeFirstOrThrow();
    // One urgent alert per thread, however often the emergency is mentioned (or set through update_lead first).
    const alreadyAlerted = await tx
      .selectFrom("Notification")
      .select("id")
      .where("threadId", "=", context.threadId)
      .where("kind", "=", "emergency")
      .limit(1)
      .executeTakeFirst();
    if (alreadyAlerted) return;
    await notifyMembersInTx(tx, outbox, {
      businessId: context.businessId,
      threadId: context.threadId,
      kind: "emergency",
      title: `Emergency: ${customerLabel(lead)}`,
      body: shortPreview(reason),
      isUrgent: true,
    });
  });
  return { notified: true };
}
