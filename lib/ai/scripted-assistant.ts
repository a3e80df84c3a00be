// The assistant when no OPENAI_API_KEY is set: the fixed intake questions in the customer's language (the job, the
// address, the urgency, a good time, the name), answers saved through the same update_lead path, emergencies flagged
// with safety advice, a hand-off at the end. Same tools, same guard, no network; it streams its reply in pieces too.
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
  // Written out in a few pieces with a pause between them longer than the token publisher's batching, so each piece
  // reaches the live view as its own delta and the reply visibly grows, as a model's does. Pushed all at once, the
  // pieces would leave in one batch: the bubble would appear complete, never streamed.
  for (let index = 0; index < text.length; index += PIECE_CHARS) {
    if (index > 0) await pause(PIECE_PAUSE_MS, input.abortSignal);
    if (input.abortSignal.aborted) break; // taken over meanwhile: the turn is abandoned, nothing more to show
    input.publisher.push(text.slice(index, index + PIECE_CHARS));
  }
  return { text, model: "scripted", usage: null };
}

const PIECE_CHARS = 24;
const PIECE_PAUSE_MS = 80;

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
  });
}
