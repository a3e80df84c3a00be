// Callers that never get an auto-SMS, decided before any lead is made: hidden caller IDs, unusable numbers,
// the business's own numbers (a forwarding loop texting itself), and the ignore list (family, suppliers).
import type { CallSkipReason, Prisma } from "@prisma/client";
import { isAnonymousCaller, toE164 } from "@/lib/telephony/phone";

export type CallerClass = { phone: string; skipReason: null } | { phone: string | null; skipReason: CallSkipReason };

export async function classifyCallerInTx(
  tx: Prisma.TransactionClient,
  { businessId, from }: { businessId: string; from: string },
): Promise<CallerClass> {
  if (isAnonymousCaller(from)) return { phone: null, skipReason: "anonymous" };
  const phone = toE164(from);
  if (!phone) return { phone: null, skipReason: "invalid_number" };
  const business = await tx.business.findUniqueOrThrow({
    where: { id: businessId },
    select: {
      forwardTo: true,
      ignoreList: true,
      phoneNumbers: { select: { e164: true } },
      memberships: { select: { phone: true } },
    },
  });
  const ownNumbers = new Set([
    ...business.phoneNumbers.map((number) => number.e164),
    ...business.memberships.map((membership) => membership.phone),
    business.forwardTo,
  ]);
  if (ownNumbers.has(phone)) return { phone, skipReason: "own_number" };
  if (business.ignoreList.some((ignored) => (toE164(ignored) ?? ignored) === phone))
    return { phone, skipReason: "ignored" };
  return { phone, skipReason: null };
}
