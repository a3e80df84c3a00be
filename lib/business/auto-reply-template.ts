// The auto-SMS sent on a missed call: English, Spanish or both in one SMS. It always names the business and says how
// to opt out (one per missed call). Settings' preview calls the same renderAutoReply, so it shows exactly what is sent.
import { isReplyLanguage } from "@/lib/language/languages";
import { formatPhone } from "@/lib/telephony/phone";

export const defaultAutoReplyTemplate =
  "Hi, this is {business}. Sorry we missed your call! We're on a job right now. What can we help you with?";
export const defaultAutoReplyTemplateEs =
  "Hola, le escribe {business}. Perdón por no contestar su llamada, estamos en un trabajo. ¿En qué le podemos ayudar?";

export const templatePlaceholders = ["{business}", "{booking_link}", "{caller_number}"] as const;
export const autoReplyLanguages = ["en", "es", "en+es"] as const;
export type AutoReplyLanguage = (typeof autoReplyLanguages)[number];

/** The stored choice, read defensively (the column is text): anything unknown is English. */
export function toAutoReplyLanguage(value: string | null | undefined): AutoReplyLanguage {
  return (autoReplyLanguages as readonly string[]).includes(value ?? "") ? (value as AutoReplyLanguage) : "en";
}

/** A returning customer whose language is known gets the first text in it; anyone else gets the business's choice. */
export function autoReplyLanguageFor(
  businessChoice: string,
  lead: { language: string; languageSource: string } | null,
): AutoReplyLanguage {
  if (lead && lead.languageSource !== "unknown" && isReplyLanguage(lead.language)) return lead.language;
  return toAutoReplyLanguage(businessChoice);
}

const lateWords = {
  en: { phrase: /\b(missed your call)\b/i, suffix: " earlier", prefix: "About your call earlier: " },
  es: {
    phrase: /\b(contestar su llamada)\b/i,
    suffix: " de hace un rato",
    prefix: "Sobre su llamada de hace un rato: ",
  },
};

/** A late text says the call was earlier: after "missed your call" when the template says it, else in front. */
function sayEarlier(text: string, language: "en" | "es"): string {
  const words = lateWords[language];
  if (words.phrase.test(text)) return text.replace(words.phrase, `$1${words.suffix}`);
  return `${words.prefix}${text}`;
}

const optOutLines = { en: "Reply STOP to opt out.", es: "Responda PARAR para no recibir más mensajes." };
const optOutWords = { en: /\bstop\b/i, es: /\bparar\b/i };
const placeholderPattern = /\{[^{}\s]{0,40}\}/g;

/** Placeholders in `template` that are not ours ("{first_name}"), each once, in order. */
export function findUnknownPlaceholders(template: string): string[] {
  const found = template.match(placeholderPattern) ?? [];
  return [...new Set(found.filter((item) => !(templatePlaceholders as readonly string[]).includes(item)))];
}

/** The owner's error for a template with placeholders we do not fill. */
export function describeUnknownPlaceholders(unknown: string[]): string {
  const noun = unknown.length === 1 ? "Unknown placeholder" : "Unknown placeholders";
  return `${noun} ${unknown.join(", ")}. Use ${templatePlaceholders.join(", ")}.`;
}

/** A template may use {booking_link} only while the business has a booking link: it is refused at save otherwise. */
export function usesMissingBookingLink(template: string, bookingUrl: string | null): boolean {
  return template.includes("{booking_link}") && !bookingUrl?.trim();
}

type RenderInput = {
  template: string;
  templateEs?: string;
  language?: AutoReplyLanguage;
  businessName: string;
  bookingUrl?: string | null;
  /** E.164; shown to the customer as their phone shows it ("(512) 555-0157" for a US number). */
  callerNumber?: string;
  /** the call was found late (reconciliation with Twilio's records): the text says the call was earlier */
  isLate?: boolean;
};

export function renderAutoReply(input: RenderInput): string {
  const language = input.language ?? "en";
  const english = () => renderOne(input.template, "en", input);
  const spanish = () => renderOne(input.templateEs ?? defaultAutoReplyTemplateEs, "es", input);
  if (language === "en") return english();
  if (language === "es") return spanish();
  return `${english()}\n${spanish()}`;
}

function renderOne(template: string, language: "en" | "es", input: RenderInput): string {
  const values: Record<(typeof templatePlaceholders)[number], string> = {
    "{business}": input.businessName.trim(),
    "{booking_link}": input.bookingUrl?.trim() ?? "",
    "{caller_number}": input.callerNumber ? formatPhone(input.callerNumber) : "",
  };
  // A sentence whose placeholder has no value (or is not ours) is left out whole, never sent half-filled.
  const sentences = template.match(/[^.!?]+[.!?]*\s*/g) ?? [];
  const kept = sentences.filter((sentence) =>
    (sentence.match(placeholderPattern) ?? []).every((item) => Boolean(values[item as keyof typeof values])),
  );
  let text = kept
    .join("")
    .replace(placeholderPattern, (item) => values[item as keyof typeof values])
    .replace(/[ \t]+/g, " ")
    .trim();
  if (input.isLate) text = sayEarlier(text, language);
  const name = values["{business}"];
  if (!text.toLowerCase().includes(name.toLowerCase())) text = text ? `${name}: ${text}` : name;
  if (!optOutWords[language].test(text)) text = `${text} ${optOutLines[language]}`;
  return text;
}
