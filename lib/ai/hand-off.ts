// Tool `hand_off`: the thread waits on a person, the team is notified, the CRM hears about it. The customer is told
// someone will follow up; the thread leaves AI mode when that reply is sent (see send-ai-reply.ts).
import { z } from "zod";
import { runTransaction } from "@/lib/db/run-transaction";
import { notifyMembersInTx } from "@/lib/notifications/notify-members";
import { emitWebhookEventInTx } from "@/lib/webhooks/emit-webhook-event";
import { customerLabel, shortPreview } from "@/lib/conversations/customer-label";
import { recordToolCall } from "@/lib/ai/record-tool-call";
import type { TurnContext, TurnOutcome } from "@/lib/ai/turn-context";

export const handOffInput = z.object({
  reason: z.string().trim().min(1).max(200).describe("why a person should take over, short"),
});

export async function handOff(
  context: TurnContext,
  outcome: TurnOutcome,
  input: z.infer<typeof handOffInput>,
  tool = "hand_off",
) {
  const { reason } = handOffInput.parse(input);
  if (outcome.isHandedOff) return { handedOff: true };
  outcome.isHandedOff = true;
  await runTransaction(async (tx, outbox) => {
    if (tool) recordToolCall(outbox, context, tool, { reason });
    const now = new Date();
    await tx
      .updateTable("Thread")
      .set({ isWaitingOnPerson: true, handedOffAt: now, updatedAt: now })
      .where("id", "=", context.threadId)
      .execute();
    const lead = await tx
      .selectFrom("Lead")
      .select(["name", "phone"])
      .where("id", "=", context.leadId)
      .executeTakeFirstOrThrow();
    await notifyMembersInTx(tx, outbox, {
      businessId: context.businessId,
      threadId: context.threadId,
      kind: "ai_handoff",
      title: `${customerLabel(lead)} needs you`,
      body: shortPreview(reason),
    });
    await emitWebhookEventInTx(tx, outbox, {
      businessId: context.businessId,
      type: "conversation.handed_off",
      data: { threadId: context.threadId, leadId: context.leadId, reason },
    });
    outbox.record(
      "thread.handed_off",
      { reason },
      { businessId: context.businessId, threadId: context.threadId, leadId: context.leadId, actor: { kind: "ai" } },
    );
  });
  return { handedOff: true };
}
