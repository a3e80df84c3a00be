// The customer's language: an ISO 639-1 code kept on the lead ("en", "es", …). The app's own texts and the
// scripted assistant exist in the reply languages below; the model can answer in any language it is told.
import { z } from "zod";

export const replyLanguages = ["en", "es"] as const;
export type ReplyLanguage = (typeof replyLanguages)[number];

export const defaultLanguage: ReplyLanguage = "en";

export function isReplyLanguage(code: string | null | undefined): code is ReplyLanguage {
  return (replyLanguages as readonly string[]).includes(code ?? "");
}

/** The language our own texts go out in: the customer's when we have it, English otherwise. */
export function toReplyLanguage(code: string | null | undefined): ReplyLanguage {
  return isReplyLanguage(code) ? code : defaultLanguage;
}

const englishNames = new Intl.DisplayNames(["en"], { type: "language", fallback: "none" });

/** "es" → "Spanish"; null for a code no one knows (Intl's CLDR data decides, not a list of ours). */
export function languageName(code: string): string | null {
  if (!/^[a-z]{2}$/.test(code)) return null;
  return englishNames.of(code) ?? null;
}

export const languageCodeSchema = z
  .string()
  .trim()
  .toLowerCase()
  .refine((code) => languageName(code) !== null, "Use a two-letter language code such as en or es.");
