// The language of a customer's text, by eld (Nito-ELD, "extrasmall" n-gram database). Chosen over tinyld, franc and
// lande on a corpus of short English and Spanish SMS: it was the most accurate and by far the fastest, and its
// extrasmall database is the lightest (see detect-language.test.ts). Loaded on first use: it costs ~35 MB of heap.
import { isReplyLanguage, replyLanguages } from "@/lib/language/languages";

type Detector = (typeof import("eld/extrasmall"))["eld"];

let detector: Promise<Detector> | null = null;

function loadDetector(): Promise<Detector> {
  detector ??= import("eld/extrasmall").then(({ eld }) => {
    const instance = eld.newInstance();
    instance.enableTextCleanup(true); // URLs, e-mail addresses and numbers say nothing about the language
    return instance;
  });
  return detector;
}

/**
 * How close a reply language's score must be to the winner's to be preferred. On a few words, eld scores Spanish
 * and Portuguese (or Catalan) within a thousandth of each other ("No para de gotear": pt 0.799, es 0.798); our
 * customers are far likelier to write one of the languages the business answers in.
 */
const replyLanguageMargin = 0.02;

/** The ISO 639-1 code of `text`'s language, or null when the text is too short or mixed to tell reliably. */
export async function detectLanguage(text: string): Promise<string | null> {
  if (!/\p{L}{2}/u.test(text)) return null;
  const result = (await loadDetector()).detect(text.slice(0, 1000));
  if (!result.language || !result.isReliable()) return null;
  if (isReplyLanguage(result.language)) return result.language;
  const scores = result.getScores();
  const top = scores[result.language] ?? 0;
  const closest = replyLanguages
    .filter((code) => (scores[code] ?? -1) >= top - replyLanguageMargin)
    .sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0))[0];
  return closest ?? result.language;
}
