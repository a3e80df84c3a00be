// One turn of the scripted intake assistant, decided without side effects: what to save on the lead, whether it is
// an emergency or a hand-off, and the reply. The answer to a question is read only as that question's field; what
// the customer volunteers elsewhere is kept only when it is unmistakable, and a field already known is not asked.
import { detectEmergency, type Emergency } from "@/lib/ai/detect-emergency";
import { intakeFields, intakeScripts, questionAskedIn, type IntakeField } from "@/lib/ai/intake/intake-script";
import {
  readAddressAnswer,
  readAvailability,
  readNameAnswer,
  readService,
  readTime,
  readUrgencyAnswer,
  readVolunteeredFields,
} from "@/lib/ai/intake/read-intake-fields";
import type { ConversationLine } from "@/lib/ai/load-conversation";
import type { UpdateLeadInput } from "@/lib/ai/update-lead";
import { customerTexts } from "@/lib/language/customer-texts";
import type { ReplyLanguage } from "@/lib/language/languages";
import { normalizeClause } from "@/lib/language/normalize-text";

export type IntakeLead = {
  name: string | null;
  address: string | null;
  service: string | null;
  problem: string | null;
  urgency: string;
  preferredTime: string | null;
};

export type ScriptedTurnPlan = {
  update: UpdateLeadInput;
  emergency: Emergency | null;
  handOffReason: string | null;
  reply: string;
};

const asksForPerson =
  /\b(?:real person|human|speak (?:to|with)|talk (?:to|with)|call me(?: back| please| asap| at| when|$)|owner|manager|a person|someone real|hablar con|una persona|alguien real|el dueno|el encargado|llamenme|llameme|llamame|me (?:pueden|puede) llamar)\b/;

export function planScriptedTurn({
  conversation: lines,
  lead,
  language,
}: {
  conversation: Pick<ConversationLine, "role" | "text" | "purpose">[];
  lead: IntakeLead;
  language: ReplyLanguage;
}): ScriptedTurnPlan {
  const script = intakeScripts[language];
  // The fixed safety advice sent at receipt is not one of our questions: it only means the advice is not repeated.
  const isAdvised = lines.some((line) => line.purpose === "safety_advice");
  const conversation = lines.filter((line) => line.purpose !== "safety_advice");
  const lastAssistantIndex = conversation.findLastIndex((line) => line.role === "assistant");
  const lastAssistant = conversation[lastAssistantIndex];
  const customerText = conversation
    .slice(lastAssistantIndex + 1)
    .filter((line) => line.role === "user")
    .map((line) => line.text)
    .join("\n");
  const asked = new Set(
    conversation.filter((line) => line.role === "assistant").map((line) => questionAskedIn(line.text)),
  );
  const isFirstReply = asked.size === 0 || (asked.size === 1 && asked.has(null));
  // Before any question of ours the customer is answering the auto-SMS ("what can we help you with?") or texting
  // first; after anything else of ours (a person's message, a thank-you) they are answering no question.
  const answering: IntakeField | null =
    questionAskedIn(lastAssistant?.text) ??
    (isFirstReply && !lead.service && !lead.problem && (!lastAssistant || lastAssistant.purpose === "auto_reply")
      ? "service"
      : null);

  const update: UpdateLeadInput = readAnswer(answering, customerText);
  const volunteered = readVolunteeredFields(customerText);
  if (!lead.address && !update.address && volunteered.address) update.address = volunteered.address;
  if (!lead.name && !update.name && volunteered.name) update.name = volunteered.name;
  if (!lead.service && !lead.problem && !update.service && volunteered.service)
    Object.assign(update, volunteered.service);
  if (!lead.preferredTime && !update.preferredTime) {
    // "Tonight if possible" answers how urgent and when at once; elsewhere only an offer of time counts.
    const time = answering === "urgency" ? readTime(customerText) : readAvailability(customerText);
    if (time) update.preferredTime = time;
  }
  const emergency = detectEmergency(customerText);
  if (emergency) update.urgency = "emergency";
  else if (!update.urgency && lead.urgency === "normal" && volunteered.urgency) update.urgency = volunteered.urgency;

  const parts = emergency ? [isAdvised ? script.emergencyAdvised : script.emergency(emergency.advice)] : [];
  if (asksForPerson.test(normalizeClause(customerText))) {
    parts.push(customerTexts[language].handedOff);
    return { update, emergency, handOffReason: "customer asked for a person", reply: parts.join(" ") };
  }
  const known = { ...lead, ...update };
  const isKnown: Record<IntakeField, boolean> = {
    service: Boolean(known.service || known.problem),
    address: Boolean(known.address),
    urgency: known.urgency !== "normal",
    preferredTime: Boolean(known.preferredTime),
    name: Boolean(known.name),
  };
  // A question asked once and still not understood is not asked again: a person sorts it out.
  const next = intakeFields.find((field) => !isKnown[field] && !asked.has(field));
  if (next) {
    parts.push(script.questions[next]);
    return { update, emergency, handOffReason: null, reply: parts.join(" ") };
  }
  parts.push(script.thanks(known.name));
  return { update, emergency, handOffReason: "intake complete", reply: parts.join(" ") };
}

function readAnswer(field: IntakeField | null, text: string): UpdateLeadInput {
  switch (field) {
    case null:
      return {};
    case "service":
      return readService(text) ?? {};
    case "address": {
      const address = readAddressAnswer(text);
      return address ? { address } : {};
    }
    case "urgency": {
      const urgency = readUrgencyAnswer(text);
      return urgency ? { urgency } : {};
    }
    case "preferredTime": {
      const preferredTime = readTime(text);
      return preferredTime ? { preferredTime } : {};
    }
    case "name": {
      const name = readNameAnswer(text);
      return name ? { name } : {};
    }
    default: {
      const exhaustive: never = field;
      return exhaustive;
    }
  }
}
