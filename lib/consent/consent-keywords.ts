// One-word (or fixed short) consent keywords. The English ones are the carrier keywords that Twilio itself acts on
// and confirms on long codes; the Spanish ones are ours, so the app confirms them (CTIA lists PARAR, ALTO, BAJA,
// CANCELAR and AYUDA as the Spanish equivalents carriers expect).
import type { ReplyLanguage } from "@/lib/language/languages";

export type ConsentKeywordKind = "opt_out" | "opt_in" | "help";

type KeywordSet = { kind: ConsentKeywordKind; language: ReplyLanguage; isCarrierKeyword: boolean; words: string[] };

export const consentKeywordSets: KeywordSet[] = [
  {
    kind: "opt_out",
    language: "en",
    isCarrierKeyword: true,
    words: ["stop", "stopall", "unsubscribe", "cancel", "end", "quit", "revoke", "optout"],
  },
  { kind: "opt_in", language: "en", isCarrierKeyword: true, words: ["start", "yes", "unstop"] },
  { kind: "help", language: "en", isCarrierKeyword: true, words: ["help", "info"] },
  {
    kind: "opt_out",
    language: "es",
    isCarrierKeyword: false,
    words: [
      "parar",
      "pare",
      "paren",
      "alto",
      "baja",
      "cancelar",
      "detener",
      "desuscribir",
      "desuscribirme",
      "dar de baja",
      "darme de baja",
    ],
  },
  {
    kind: "opt_in",
    language: "es",
    isCarrierKeyword: false,
    words: ["comenzar", "si", "iniciar", "empezar", "reanudar", "alta"],
  },
  { kind: "help", language: "es", isCarrierKeyword: false, words: ["ayuda", "informacion"] },
];

/**
 * Opt-in words that are also everyday answers ("Is it urgent?" "Yes."): from a number that is not opted out they
 * are an ordinary message, not a keyword to swallow.
 */
export const answerWords = new Set(["yes", "si"]);
