// Phone numbers: everything is stored as E.164. libphonenumber-js does the parsing and validation.
import { LRUCache } from "lru-cache";
import { parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from "libphonenumber-js";
import { z } from "zod";

// Parsing is the costly part of libphonenumber-js (about 0.2 ms a number), and every webhook parses the same few
// numbers again: the business's own on each request, the caller's on each of a call's webhooks. Both functions are
// pure, so their answers are kept for the most recent numbers.
const RECENT_NUMBERS = 5_000;
/** null (not a valid number) is stored as "" : the cache holds no null values */
const e164Cache = new LRUCache<string, string>({ max: RECENT_NUMBERS });
const displayCache = new LRUCache<string, string>({ max: RECENT_NUMBERS });

/** "+1 (415) 555-0100", "415-555-0100" (US default) → "+14155550100"; null when it is not a valid number. */
export function toE164(input: string, defaultCountry: CountryCode = "US"): string | null {
  const key = `${defaultCountry} ${input}`;
  let e164 = e164Cache.get(key);
  if (e164 === undefined) {
    const parsed = parsePhoneNumberFromString(input.trim(), defaultCountry);
    e164 = parsed?.isValid() ? parsed.number : "";
    e164Cache.set(key, e164);
    // A number just parsed is usually shown next (a missed call's text and notification name the caller).
    if (parsed && e164 && !displayCache.has(e164)) displayCache.set(e164, displayOf(parsed));
  }
  return e164 === "" ? null : e164;
}

/** Anonymous, blocked, restricted or otherwise unusable caller IDs as Twilio reports them. */
export function isAnonymousCaller(from: string | null | undefined): boolean {
  if (!from) return true;
  const normalized = from.replace(/[\s()-]/g, "").toLowerCase();
  return (
    [
      "anonymous",
      "restricted",
      "blocked",
      "unknown",
      "private",
      "unavailable",
      "+266696687",
      "266696687",
      "+7378742833",
      "+2562533",
      "+86282452253",
    ].includes(normalized) || !/^\+?\d{3,}$/.test(normalized)
  );
}

export const e164Schema = z
  .string()
  .trim()
  .max(40)
  .transform((value, context) => {
    const normalized = toE164(value);
    if (!normalized) {
      context.addIssue({ code: "custom", message: "Enter a valid phone number, e.g. +1 415 555 0100." });
      return z.NEVER;
    }
    return normalized;
  });

/** Formats an E.164 number for people: +14155550100 → (415) 555-0100 / +44 20 7946 0958. */
export function formatPhone(e164: string): string {
  let display = displayCache.get(e164);
  if (display === undefined) {
    const parsed = parsePhoneNumberFromString(e164);
    display = parsed ? displayOf(parsed) : e164;
    displayCache.set(e164, display);
  }
  return display;
}

function displayOf(parsed: PhoneNumber): string {
  return parsed.country === "US" || parsed.country === "CA" ? parsed.formatNational() : parsed.formatInternational();
}
