// Tool `opt_out`: the model heard a request to stop texting that the deterministic rules missed. It opts the number
// out exactly like STOP (the same change, the same one confirmation in the customer's language); the reason kept is
// the customer's own last text, the model's wording goes to the tool-call log. The reply being written is abandoned:
// the change clears the thread's generation, so its send check fails.
import { z } from "zod";
import { runTransaction } from "@/lib/db/run-transaction";
import { changeConsentInTx } from "@/lib/consent/change-consent";
import { lockConversation } from "@/lib/conversations/lock-conversation";
import { toReplyLanguage } from "@/lib/language/languages";
import { recordToolCall } from "@/lib/ai/record-tool-call";
import type { TurnContext } from "@/lib/ai/turn-context";

export const optOutInput = z.object({
  reason: z.string().trim().min(1).max(200).describe("why: the customer's request in a few words"),
});

export async function optOut(context: TurnContext, input: z.infer<typeof optOutInput>) {
  const { reason } = optOutInput.parse(input);
  return runTransaction(async (tx, outbox) => {
    recordToolCall(outbox, context, "opt_out", { reason });
    const conversation = await lockConversation(tx, { businessId: context.businessId, threadId: context.threadId });
    if (!conversation) return { optedOut: false };
    const { lead } = conversation;
    if (lead.isOptedOut) return { optedOut: true };
    const business = await tx
      .selectFrom("Business")
      .select("name")
      .where("id", "=", context.businessId)
      .executeTakeFirstOrThrow();
    const lastInbound = await tx
      .selectFrom("Message")
      .select(["id", "body", "messageSid"])
      .where("threadId", "=", context.threadId)
      .where("direction", "=", "inbound")
      .orderBy("createdAt", "desc")
      .limit(1)
      .executeTakeFirst();
    await changeConsentInTx(tx, outbox, {
      businessId: context.businessId,
      businessName: business.name,
      threadId: context.threadId,
      lead,
      action: "opt_out",
      source: "ai_tool",
      reason: lastInbound?.body || reason,
      messageId: lastInbound?.id ?? null,
      messageSid: lastInbound?.messageSid ?? null,
      confirmIn: toReplyLanguage(lead.language),
      actor: { kind: "ai" },
    });
    return { optedOut: true };
  });
}
