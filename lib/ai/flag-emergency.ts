// Tool `flag_emergency`: urgency → emergency and an urgent notification at once — once per thread, however often the
// emergency is mentioned: when the check at receipt already raised it, the tool adds only its log line. The model
// writes its own words of advice, so no fixed advice is sent from here.
import { z } from "zod";
import { runTransaction } from "@/lib/db/run-transaction";
import { raiseEmergencyInTx } from "@/lib/conversations/raise-emergency";
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
      .selectFrom("Lead")
      .select(["id", "name", "phone", "isOptedOut"])
      .where("id", "=", context.leadId)
      .executeTakeFirstOrThrow();
    await raiseEmergencyInTx(tx, outbox, {
      businessId: context.businessId,
      businessName: "",
      threadId: context.threadId,
      lead,
      reason,
      advice: null,
      source: "ai_tool",
      actor: { kind: "ai" },
    });
  });
  return { notified: true };
}
