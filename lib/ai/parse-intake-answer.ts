// Minimal parsing of a customer's answer to one intake question (scripted assistant). Tool calls, not guesses,
// are what the real model does; this only has to be good enough to fill the lead sensibly.
import type { UpdateLeadInput } from "@/lib/ai/update-lead";

export const intakeFields = ["service", "address", "urgency", "preferredTime", "name"] as const;
export type IntakeField = (typeof intakeFields)[number];

const clip = (text: string, max = 200) => text.replace(/\s+/g, " ").trim().slice(0, max);

export function parseUrgency(text: string): "low" | "normal" | "high" {
  if (/\b(?:emergenc\w*|asap|urgent\w*|right away|immediately|right now|today|tonight|can'?t wait)\b/i.test(text))
    return "high";
  if (/\b(?:no rush|whenever|not urgent|no hurry|can wait|next week|this week|few days|not an emergency)\b/i.test(text))
    return "low";
  return "normal";
}

export function parseName(text: string): string | null {
  const name = text
    .trim()
    .replace(/^(?:hi|hello|hey)[,!.\s]+/i, "")
    .replace(/^(?:my name is|my name's|name is|name's|this is|it's|it is|i'm|i am|call me)\s+/i, "")
    .replace(/[.!?,]+$/, "")
    .trim();
  if (!name || name.length > 60 || /\d/.test(name)) return null;
  return name.split(/\s+/).slice(0, 4).join(" ");
}

/** The kind of job in a few words ("Water heater"), for the lead's service field; the full text goes to `problem`. */
const serviceKeywords: [RegExp, string][] = [
  [/water heater|hot water|tankless/i, "Water heater"],
  [/drain|clog|blocked|backed up|backing up/i, "Drain cleaning"],
  [/toilet/i, "Toilet repair"],
  [/sewer|septic/i, "Sewer line"],
  [/burst|pipe|leak|drip|water (?:on|under|in)/i, "Leak repair"],
  [/boiler|furnace|no heat|heating|radiator|heat pump/i, "Heating repair"],
  [/a\/?c\b|air ?con|cooling|not cooling/i, "AC repair"],
  [/outlet|breaker|wiring|electric|power|lights?\b|panel|spark/i, "Electrical"],
  [/lock(?:ed)? out|locksmith|\block\b|keys?\b|rekey/i, "Lockout / locks"],
  [/gas/i, "Gas line"],
  [/faucet|sink|tap/i, "Faucet / sink"],
];

export function classifyService(text: string): string {
  const match = serviceKeywords.find(([pattern]) => pattern.test(text));
  return match ? match[1] : clip(text, 60);
}

export function parseIntakeAnswer(field: IntakeField, text: string): UpdateLeadInput {
  const answer = clip(text);
  if (!answer) return {};
  switch (field) {
    case "service":
      return { service: classifyService(answer), problem: answer };
    case "address":
      return { address: answer };
    case "urgency":
      return { urgency: parseUrgency(answer) };
    case "preferredTime":
      return { preferredTime: answer };
    case "name": {
      const name = parseName(answer);
      return name ? { name } : {};
    }
    default: {
      const exhaustive: never = field;
      return exhaustive;
    }
  }
}
