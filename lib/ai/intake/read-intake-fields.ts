// Reading intake details out of a customer's text, English or Spanish. Each reader says only what it recognises:
// a time is never an address, a thank-you is never a job. An answer that fits no reader is stored nowhere.
import { normalizeClause, splitClauses } from "@/lib/language/normalize-text";
import { classifyService } from "@/lib/ai/intake/service-keywords";
import { isWithoutHeat } from "@/lib/ai/detect-emergency";

const clip = (text: string, max = 200) => text.replace(/\s+/g, " ").trim().slice(0, max);

const streetSuffix =
  "st|street|ave|avenue|av|rd|road|blvd|boulevard|dr|drive|ln|lane|ct|court|way|pl|place|pkwy|parkway|hwy|highway|cir|circle|ter|terrace|trl|trail|loop|sq|square|pike|path|row";
const englishAddress = new RegExp(
  `\\b\\d{1,6}[a-z]?\\s+(?<street>(?:[nsew]\\.?\\s+)?(?:[\\p{L}0-9'.-]+\\s+){0,4}?)(?:${streetSuffix})\\b\\.?(?:[^.!?\\n]*?(?=\\s+(?:and|but|y|pero)\\s|[.!?\\n]|$))?`,
  "iu",
);
const spanishAddress =
  /\b(?:calle|avenida|avda\.?|av\.?|camino|carretera|privada|cerrada|callejon|callejón|boulevard|bulevar)\s+[^\n.!?]{1,60}?\d{1,6}[^\n.!?]*/iu;

/** Words that never sit between a house number and the street type ("2 dogs in the way" is no address). */
const notStreetWords = /\s(?:the|a|an|in|on|of|my|your|to|for|is|are|was|and|or|we|i|it|el|la|los|las|en|de|mi|su)\s/i;

/** The address in `text` ("12 Elm Street, Springfield", "Calle Olmo 12"), or null. */
export function readAddress(text: string): string | null {
  const english = englishAddress.exec(text);
  const match =
    english && !notStreetWords.test(` ${english.groups?.street ?? ""}`) ? english : spanishAddress.exec(text);
  return match ? clip(match[0].replace(/[,\s]+$/, "")) : null;
}

/** An answer to "what's the address?": a recognisable address, or a short answer with a house number in it. */
export function readAddressAnswer(text: string): string | null {
  const found = readAddress(text);
  if (found) return found;
  if (readTime(text) || !/\d/.test(text) || !/\p{L}{2}/u.test(text)) return null;
  const answer = clip(text.replace(/^(?:it'?s|its|es|en|at|is)\s+/i, "").replace(/[.!]+$/, ""));
  return answer.split(/\s+/).length >= 2 && answer.length <= 120 ? answer : null;
}

const timeWords = new RegExp(
  [
    "\\b(?:today|tonight|tomorrow|tmrw|tmr|morning|afternoon|evening|noon|midday|weekend|weekdays?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|tues|thurs|next week|this week|asap|as soon as possible|anytime|any time|whenever|right away|right now)\\b",
    "\\b\\d{1,2}(?::\\d{2})?\\s*(?:am|pm|a m|p m)\\b",
    "\\b(?:at|after|before|around|by|between|until)\\s+\\d{1,2}(?::\\d{2})?\\b",
    "\\b(?:hoy|esta noche|manana|pasado manana|mediodia|lunes|martes|miercoles|jueves|viernes|sabado|domingo|fin de semana|proxima semana|esta semana|cuanto antes|lo antes posible|ahorita|ya mismo|cuando sea|cualquier hora|cuando puedan|en la tarde|en la noche|por la tarde|por la noche)\\b",
    "\\b(?:a las|despues de las|antes de las|como a las|entre las|a eso de las)\\s+\\d{1,2}\\b",
  ].join("|"),
);

/** The part of `text` that says when ("tomorrow after 3", "mañana en la tarde"), or null. */
export function readTime(text: string): string | null {
  const clauses = text.split(/[.!?\n;]+/).filter((clause) => timeWords.test(normalizeClause(clause)));
  if (clauses.length === 0) return null;
  return clip(clauses.join(", ").replace(/^\s*(?:and|y)\s+/i, ""), 120);
}

const notNames = new Set(
  "yes yeah yep no nope ok okay sure thanks thank you gracias si bueno claro hi hello hey hola buenas perfect perfecto great genial fine good bien at in on not here home work the a an so very sorry trying looking calling available free busy outside going waiting just still really en el la un una muy aqui afuera de del con para por que trabajo casa ocupado ocupada disponible listo lista".split(
    " ",
  ),
);

function asName(candidate: string): string | null {
  const words = candidate
    .replace(/[.!?,;:]+$/g, "")
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0 || words.length > 4) return null;
  if (!words.every((word) => /^\p{L}[\p{L}'-]*$/u.test(word))) return null;
  if (words.some((word) => notNames.has(normalizeClause(word)))) return null;
  return words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join(" ");
}

const namePattern = "(\\p{L}[\\p{L}'-]*(?:\\s+\\p{L}[\\p{L}'-]*){0,3})";
/** Only these introduce a name anywhere in a conversation. */
const clearNamePrefix = new RegExp(
  `\\b(?:my name is|my name's|my names|name is|me llamo|mi nombre es)\\s+${namePattern}`,
  "iu",
);
/** These do too, but only in the answer to our name question ("this is urgent" is no name otherwise). */
const answerNamePrefix = new RegExp(
  `^\\s*(?:hi|hello|hola)?[,!.\\s]*(?:this is|it'?s|its|i'?m|i am|soy|habla|call me|put it under|under|a nombre de)\\s+${namePattern}`,
  "iu",
);

/** A name the customer gives about themselves ("my name is Dana", "me llamo Miguel"), or null. */
export function readName(text: string, prefix = clearNamePrefix): string | null {
  for (const clause of text.split(/[.!?\n,;]+/)) {
    const match = prefix.exec(clause);
    if (!match) continue;
    // "Dana Smith and the sink is clogged": the name ends where the sentence goes on.
    const words = match[1]!.split(/\s+/);
    const end = words.findIndex((word) => notNames.has(normalizeClause(word)) || /^(?:and|y)$/i.test(word));
    const name = asName((end === -1 ? words : words.slice(0, end)).join(" "));
    if (name) return name;
  }
  return null;
}

/** An answer to "what name should we put this under?": a name with or without "my name is". */
export function readNameAnswer(text: string): string | null {
  if (readTime(text) || readAddress(text)) return null;
  return (
    readName(text) ?? readName(text, answerNamePrefix) ?? asName(text.trim().replace(/^(?:hi|hello|hola)[,!.\s]+/i, ""))
  );
}

const lowUrgency =
  /\b(?:no rush|no hurry|whenever|not urgent|not an emergency|no emergency|not a big deal|can wait|it can wait|next week|this week|few days|couple days|no hay prisa|sin prisa|no es urgente|no urge|no es (?:una )?emergencia|puede esperar|cuando puedan|proxima semana|esta semana|unos dias|cuando sea)\b/;
const highUrgency =
  /\b(?:emergenc\w*|asap|urgent\w*|right away|immediately|right now|today|tonight|cant wait|cannot wait|as soon as possible|no water|urgente|urge|emergencia|lo antes posible|cuanto antes|ya mismo|ahora mismo|hoy|esta noche|no puede esperar|no tengo agua(?! caliente)|sin agua(?! caliente))\b/;

/** How soon, from plain words: "high", "low", or null when the text does not say. */
export function readUrgency(text: string): "high" | "low" | null {
  const normalized = normalizeClause(text);
  if (lowUrgency.test(normalized)) return "low";
  if (highUrgency.test(normalized) || isWithoutHeat(text)) return "high";
  return null;
}

/** An answer to "is it an emergency, or can it wait?": plain yes/no count too. */
export function readUrgencyAnswer(text: string): "high" | "low" | null {
  const found = readUrgency(text);
  if (found) return found;
  const normalized = normalizeClause(text);
  if (/^(?:yes|yeah|yep|yup|si|it is|kind of|sort of|pretty much|bastante|algo)\b/.test(normalized)) return "high";
  if (/^(?:no|nope|nah|not really|not at all|para nada|la verdad no)\b/.test(normalized)) return "low";
  return null;
}

const notAJob =
  /^(?:hi|hello|hey|hola|buenas|buenos dias|buenas tardes|buenas noches|yes|yeah|ok|okay|sure|si|no|thanks|thank you|gracias|thx|ty|who is this|whos this|quien habla|quien es|how much|how much do you charge|cuanto cobran|cuanto cuesta|are you open|estan abiertos|ok thanks|ok gracias)(?: \w+){0,2}$/;

/** The job, from an answer to "what can we help you with?": a kind of job we know, or a real description. */
export function readService(text: string): { service: string; problem: string } | null {
  const normalized = normalizeClause(text);
  if (!normalized) return null;
  const service = classifyService(normalized);
  if (service) return { service, problem: clip(text) };
  const isOtherField = readTime(text) !== null || readAddress(text) !== null;
  const words = normalized.split(" ").length;
  if (isOtherField || notAJob.test(normalized) || words < 3 || text.trim().endsWith("?")) return null;
  return { service: clip(text, 60), problem: clip(text) };
}

/** What `text` says about the job wherever it comes in the conversation: only what is unmistakable. */
export function readVolunteeredFields(text: string) {
  const clauses = splitClauses(text).join(" ");
  const service = classifyService(clauses);
  return {
    address: readAddress(text),
    name: readName(text),
    urgency: readUrgency(text),
    service: service ? { service, problem: clip(text) } : null,
  };
}

const availabilityWords =
  /\b(?:come|come by|stop by|swing by|available|free|works|work for me|good for me|home|can you|could you|pueden venir|puede venir|venir|pasar|disponible|me queda|estoy en casa|estare)\b/;

/** A time offered as availability ("can someone come tomorrow morning?"), not one that tells the story ("it started this morning"). */
export function readAvailability(text: string): string | null {
  const time = readTime(text);
  return time && availabilityWords.test(normalizeClause(time)) ? time : null;
}
