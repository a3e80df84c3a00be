// What a customer's text means for their consent, decided without a model and in a fixed order: a keyword (the whole
// message is one), a clear request in their own words, a vague one, or an ordinary message (null). Used at receipt
// for every inbound text; the model's opt_out tool only adds what these rules cannot see.
import type { ReplyLanguage } from "@/lib/language/languages";
import { answerWords, consentKeywordSets, type ConsentKeywordKind } from "@/lib/consent/consent-keywords";
import { normalizeClause, splitClauses } from "@/lib/language/normalize-text";
import {
  clearOptOutPhrases,
  languageRequests,
  type Phrase,
  temporaryQualifiers,
  unclearPhrases,
} from "@/lib/consent/opt-out-phrases";

export type ConsentIntent =
  | {
      kind: ConsentKeywordKind;
      source: "keyword";
      keyword: string;
      language: ReplyLanguage;
      /** Twilio acts on and confirms these itself on long codes: the app sends no confirmation of its own. */
      isCarrierKeyword: boolean;
    }
  | { kind: "opt_out"; source: "free_text"; language: ReplyLanguage }
  | { kind: "unclear"; source: "free_text"; language: ReplyLanguage };

export function classifyConsent(body: string): ConsentIntent | null {
  const whole = normalizeClause(body);
  if (!whole) return null;
  for (const set of consentKeywordSets) {
    if (set.words.includes(whole)) {
      return {
        kind: set.kind,
        source: "keyword",
        keyword: whole.toUpperCase(),
        language: set.language,
        isCarrierKeyword: set.isCarrierKeyword,
      };
    }
  }
  const clauses = splitClauses(body);
  const matches = (phrases: Phrase[]) =>
    phrases.find((phrase) => clauses.some((clause) => phrase.pattern.test(clause)));
  if (matches(languageRequests)) return null;
  const optOut = matches(clearOptOutPhrases);
  const isTemporary = matches(temporaryQualifiers) !== undefined;
  if (optOut && !isTemporary) return { kind: "opt_out", source: "free_text", language: optOut.language };
  if (optOut) return { kind: "unclear", source: "free_text", language: optOut.language };
  const unclear = matches(unclearPhrases);
  return unclear ? { kind: "unclear", source: "free_text", language: unclear.language } : null;
}

export type KeywordIntent = Extract<ConsentIntent, { source: "keyword" }>;

/**
 * The keyword a text is, when it is acted on and kept from the AI. "Yes" or "sí" answer a question from a number
 * that is not opted out ("Is it urgent?" "Sí."): an ordinary message then, not an opt-in.
 */
export function consentKeywordOf(body: string, { isOptedOut }: { isOptedOut: boolean }): KeywordIntent | null {
  const intent = classifyConsent(body);
  if (intent?.source !== "keyword") return null;
  if (intent.kind === "opt_in" && !isOptedOut && answerWords.has(intent.keyword.toLowerCase())) return null;
  return intent;
}

/** A text that was a consent keyword whatever the lead's state then (the AI's history leaves these out). */
export function isConsentKeyword(body: string): boolean {
  return consentKeywordOf(body, { isOptedOut: false }) !== null;
}
