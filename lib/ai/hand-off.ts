// Tool `hand_off`: the thread waits on a person, the team is notified, the CRM hears about it. The customer is told
// someone will follow up; the thread leaves AI mode when that reply is sent (see send-ai-reply.ts).
import { z } from "zod";
import { db } from "@/lib/db/client";
import { publishRecordedEvents, recordEvent } from "@/lib/events/record-event";
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
  const events = await db.$transaction(async (tx) => {
    const recorded = tool ? [await recordToolCall(tx, context, tool, { reason })] : [];
    const now = new Date();
    await tx.thread.update({ where: { id: context.threadId }, data: { isWaitingOnPerson: true, handedOffAt: now } });
    const lead = await tx.lead.findUniqueOrThrow({
      where: { id: context.leadId },
      select: { name: true, phone: true },
    });
    await notifyMembersInTx(tx, {
      businessId: context.businessId,
      threadId: context.threadId,
      kind: "ai_handoff",
      title: `${customerLabel(lead)} needs you`,
      body: shortPreview(reason),
    });
    await emitWebhookEventInTx(tx, {
      businessId: context.businessId,
      type: "conversation.handed_off",
      data: { threadId: context.threadId, leadId: context.leadId, reason },
    });
    recorded.push(
      await recordEvent(
        {
          businessId: context.businessId,
          threadId: context.threadId,
          leadId: context.leadId,
          type: "thread.handed_off",
          actor: { kind: "ai" },
          payload: { reason },
        },
        tx,
      ),
    );
    return recorded;
  });
  await publishRecordedEvents(events);
  return { handedOff: true };
}
