// The assistant when no OPENAI_API_KEY is set: the fixed intake questions in the customer's language (the job, the
// address, the urgency, a good time, the name), answers saved through the same update_lead path, emergencies flagged
// with safety advice, a hand-off at the end. Same tools, same guard, no network; it "streams" in small chunks too.
import { flagEmergency } from "@/lib/ai/flag-emergency";
import { handOff } from "@/lib/ai/hand-off";
import { planScriptedTurn } from "@/lib/ai/intake/plan-scripted-turn";
import type { AssistantInput, AssistantResult } from "@/lib/ai/model-assistant";
import { updateLead } from "@/lib/ai/update-lead";
import { toReplyLanguage } from "@/lib/language/languages";

export async function runScriptedAssistant(input: AssistantInput): Promise<AssistantResult> {
  const { context, outcome } = input;
  const plan = planScriptedTurn({
    conversation: input.conversation,
    lead: input.lead,
    language: toReplyLanguage(input.language),
  });
  if (Object.keys(plan.update).length > 0) await updateLead(context, plan.update);
  if (plan.emergency) await flagEmergency(context, outcome, { reason: plan.emergency.reason });
  if (plan.handOffReason) await handOff(context, outcome, { reason: plan.handOffReason });
  const text = plan.reply;
  for (let index = 0; index < text.length; index += 12) input.publisher.push(text.slice(index, index + 12));
  return { text, model: "scripted", usage: null };
}
