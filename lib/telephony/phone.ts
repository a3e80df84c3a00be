// Phone numbers: everything is stored as E.164. libphonenumber-js does the parsing and validation.
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";
import { z } from "zod";

/** "+1 (415) 555-0100", "415-555-0100" (US default) → "+14155550100"; null when it is not a valid number. */
export function toE164(input: string, defaultCountry: CountryCode = "US"): string | null {
  const parsed = parsePhoneNumberFromString(input.trim(), defaultCountry);
  if (!parsed || !parsed.isValid()) return null;
  return parsed.number;
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
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  return parsed.country === "US" || parsed.country === "CA" ? parsed.formatNational() : parsed.formatInternational();
}
