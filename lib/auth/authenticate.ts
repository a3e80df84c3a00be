// Checks an email and password. Unknown email and wrong password answer the same way, in the same time.
// Throttling (README "Sign-in"): per IP a hard cap (50 attempts in 15 minutes, any email); per email AND IP a
// progressive delay (three tries free, then 1 s, 2 s, 4 s … up to 15 minutes). No limit on the email alone: a
// stranger's failures must not lock the real owner out from their own address.
import { db } from "@/lib/db/client";
import { getDummyHash, verifyPassword } from "@/lib/auth/password";
import { consumeProgressiveDelay, consumeRateLimit, resetRateLimit } from "@/lib/auth/rate-limit";
import { AppError } from "@/lib/errors";

export type SignedInUser = {
  id: string;
  email: string;
  name: string;
  businessId: string;
  role: "owner" | "member";
  sessionVersion: number;
  mustChangePassword: boolean;
};

const WINDOW_SECONDS = 15 * 60;
/** Accounts per email tried at most (one per business the email is used in). */
const MAX_ACCOUNTS_PER_EMAIL = 5;

export async function authenticate({
  email,
  password,
  ip,
}: {
  email: string;
  password: string;
  ip: string;
}): Promise<SignedInUser | null> {
  const normalizedEmail = email.trim().toLowerCase();
  const pairKey = `login:pair:${normalizedEmail}|${ip}`;
  const [isIpAllowed, waitSeconds] = await Promise.all([
    consumeRateLimit({ key: `login:ip:${ip}`, limit: 50, windowSeconds: WINDOW_SECONDS }),
    consumeProgressiveDelay({ key: pairKey, windowSeconds: WINDOW_SECONDS }),
  ]);
  if (!isIpAllowed || waitSeconds !== null) {
    throw new AppError("rate_limited", "Too many sign-in attempts. Wait a few minutes and try again.", {
      retryAfterSeconds: waitSeconds ?? WINDOW_SECONDS,
    });
  }
  // One account per business may share an email: the password tells them apart.
  const candidates = await db.user.findMany({
    where: { email: normalizedEmail, memberships: { some: {} } },
    orderBy: { createdAt: "asc" },
    take: MAX_ACCOUNTS_PER_EMAIL,
    select: {
      id: true,
      email: true,
      name: true,
      passwordHash: true,
      sessionVersion: true,
      mustChangePassword: true,
      memberships: { select: { businessId: true, role: true }, orderBy: { createdAt: "asc" }, take: 1 },
    },
  });
  let user: (typeof candidates)[number] | undefined;
  if (candidates.length === 0) await verifyPassword(await getDummyHash(), password);
  for (const candidate of candidates) {
    if (await verifyPassword(candidate.passwordHash, password)) {
      user = candidate;
      break;
    }
  }
  const membership = user?.memberships[0];
  if (!user || !membership) return null;
  await resetRateLimit(pairKey);
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    businessId: membership.businessId,
    role: membership.role,
    sessionVersion: user.sessionVersion,
    mustChangePassword: user.mustChangePassword,
  };
}
