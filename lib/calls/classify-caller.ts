// Callers that never get an auto-SMS, decided before any lead is made: hidden caller IDs, unusable numbers,
// the business's own numbers (a forwarding loop texting itself), and the ignore list (family, suppliers).
import type { CallSkipReason } from "@/lib/db/generated/kysely-enums";
import { isAnonymousCaller, toE164 } from "@/lib/telephony/phone";

export type CallerClass = { phone: string; skipReason: null } | { phone: string | null; skipReason: CallSkipReason };

export type CallerRules = {
  forwardTo: string | null;
  ignoreList: string[];
  /** the business's Twilio numbers */
  phoneNumbers: string[];
  /** the members' own phones */
  memberPhones: (string | null)[];
};

export function classifyCaller(rules: CallerRules, from: string): CallerClass {
  if (isAnonymousCaller(from)) return { phone: null, skipReason: "anonymous" };
  const phone = toE164(from);
  if (!phone) return { phone: null, skipReason: "invalid_number" };
  const ownNumbers = new Set([...rules.phoneNumbers, ...rules.memberPhones, rules.forwardTo]);
  if (ownNumbers.has(phone)) return { phone, skipReason: "own_number" };
  if (rules.ignoreList.some((ignored) => (toE164(ignored) ?? ignored) === phone))
    return { phone, skipReason: "ignored" };
  return { phone, skipReason: null };
}
