// Tool `hand_off`: the thread waits on a person, the team is notified, the CRM hears about it. The customer is told
// someone will follow up; the thread leaves AI mode when that reply is sent (see send-ai-reply.ts).
import { z } from "zod";
import type { Tx } from "@/lib/db/kysely";
import { runTransaction, type Outbox } from "@/lib/db/run-transaction";
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
    const refs = { businessId: context.businessId, threadId: context.threadId, leadId: context.leadId };
    await announceHandOffInTx(tx, outbox, { ...refs, lead, reason, body: shortPreview(reason), actor: "ai" });
  });
  return { handedOff: true };
}

/**
 * What every hand-off tells the team and the CRM, in the hand-off's transaction: one `ai_handoff` notification
 * ("<customer> needs you"), the `conversation.handed_off` webhook and the `thread.handed_off` event, with its reason.
 */
export async function announceHandOffInTx(
  tx: Tx,
  outbox: Outbox,
  input: {
    businessId: string;
    threadId: string;
    leadId: string;
    lead: { name: string | null; phone: string };
    reason: string;
    /** the notification's text */
    body: string;
    actor: "ai" | "system";
  },
) {
  const { businessId, threadId, leadId, reason } = input;
  await notifyMembersInTx(tx, outbox, {
    businessId,
    threadId,
    kind: "ai_handoff",
    title: `${customerLabel(input.lead)} needs you`,
    body: input.body,
  });
  await emitWebhookEventInTx(tx, outbox, {
    businessId,
    type: "conversation.handed_off",
    data: { threadId, leadId, reason },
  });
  outbox.record("thread.handed_off", { reason }, { businessId, threadId, leadId, actor: { kind: input.actor } });
}
