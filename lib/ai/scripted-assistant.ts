// The assistant when no OPENAI_API_KEY is set: fixed intake questions in order (the job, the address, the urgency,
// a good time, the name), answers parsed into the lead through the same update_lead path, emergencies flagged with
// safety advice, a hand-off at the end. Same tools, same guard, no network; it "streams" in small chunks too.
import { detectEmergency } from "@/lib/ai/detect-emergency";
import { flagEmergency } from "@/lib/ai/flag-emergency";
import { handOff } from "@/lib/ai/hand-off";
import type { AssistantInput, AssistantResult } from "@/lib/ai/model-assistant";
import { intakeFields, parseIntakeAnswer, type IntakeField } from "@/lib/ai/parse-intake-answer";
import { updateLead } from "@/lib/ai/update-lead";
import { db } from "@/lib/db/client";

export const intakeQuestions: Record<IntakeField, string> = {
  service: "What can we help you with? A short description of the job is perfect.",
  address: "Got it. What's the address where you need the work done?",
  urgency: "How urgent is it: is it an emergency, or can it wait a day or two?",
  preferredTime: "When would be a good time for someone to come by?",
  name: "And what name should we put this under?",
};

const asksForPerson =
  /\b(?:real person|human|speak (?:to|with)|talk (?:to|with)|call me|owner|manager|a person|someone real)\b/i;

function askedField(assistantText: string | undefined): IntakeField | null {
  if (!assistantText) return null;
  return intakeFields.find((field) => assistantText.includes(intakeQuestions[field])) ?? null;
}

export async function runScriptedAssistant(input: AssistantInput): Promise<AssistantResult> {
  const { conversation, context, outcome } = input;
  const lastAssistantIndex = conversation.findLastIndex((line) => line.role === "assistant");
  const customerText = conversation
    .slice(lastAssistantIndex + 1)
    .filter((line) => line.role === "user")
    .map((line) => line.text)
    .join("\n");
  const previouslyAsked = new Set(
    conversation.filter((line) => line.role === "assistant").map((line) => askedField(line.text)),
  );
  // Before any question of ours, the customer is answering the auto-SMS ("what can we help you with?").
  const answering = askedField(conversation[lastAssistantIndex]?.text) ?? "service";

  const parts: string[] = [];
  const emergency = detectEmergency(customerText);
  const update = parseIntakeAnswer(answering, customerText);
  if (emergency) update.urgency = "emergency";
  if (Object.keys(update).length > 0) await updateLead(context, update);
  if (emergency) {
    await flagEmergency(context, outcome, { reason: emergency.reason });
    parts.push(`That sounds urgent: I've alerted the team right now. ${emergency.advice}`);
  }

  if (asksForPerson.test(customerText)) {
    await handOff(context, outcome, { reason: "customer asked for a person" });
  } else {
    const lead = await db.lead.findUniqueOrThrow({ where: { id: context.leadId } });
    const known: Record<IntakeField, boolean> = {
      service: Boolean(lead.service || lead.problem),
      address: Boolean(lead.address),
      urgency: previouslyAsked.has("urgency") || answering === "urgency" || lead.urgency !== "normal",
      preferredTime: Boolean(lead.preferredTime),
      name: Boolean(lead.name),
    };
    // A field asked once and still not understood is not asked again: a person will sort it out.
    const next = intakeFields.find((field) => !known[field] && !(previouslyAsked.has(field) && field !== answering));
    if (next && !(next === answering && previouslyAsked.has(next))) parts.push(intakeQuestions[next]);
    else {
      await handOff(context, outcome, { reason: "intake complete" });
      parts.push(
        `Thanks${lead.name ? `, ${lead.name}` : ""}! I've passed everything to the team and someone will follow up with you shortly.`,
      );
    }
  }
  if (outcome.isHandedOff && parts.length === 0)
    parts.push("Thanks! I've passed this to the team and someone will follow up with you shortly.");

  const text = parts.join(" ");
  for (let index = 0; index < text.length; index += 12) input.publisher.push(text.slice(index, index + 12));
  return { text, model: "scripted", usage: null };
}
