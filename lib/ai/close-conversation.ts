// Tool `close_conversation`: the customer is done (thanks, wrong number, no longer needed). The thread closes when
// the polite closing reply is sent.
import { z } from "zod";
import { runTransaction } from "@/lib/db/run-transaction";
import { recordToolCall } from "@/lib/ai/record-tool-call";
import type { TurnContext, TurnOutcome } from "@/lib/ai/turn-context";

export const closeConversationInput = z.object({
  reason: z.string().trim().min(1).max(200).describe("why the conversation is over"),
});

export async function closeConversation(
  context: TurnContext,
  outcome: TurnOutcome,
  input: z.infer<typeof closeConversationInput>,
) {
  const { reason } = closeConversationInput.parse(input);
  outcome.isClosed = true;
  await runTransaction(async (_tx, outbox) => recordToolCall(outbox, context, "close_conversation", { reason }));
  return { closed: true };
}
