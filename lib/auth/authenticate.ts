// Checks an email and password. Unknown email and wrong password answer the same way, in the same time.
import { db } from "@/lib/db/client";
import { getDummyHash, verifyPassword } from "@/lib/auth/password";
import { consumeRateLimit, resetRateLimit } from "@/lib/auth/rate-limit";
import { AppError } from "@/lib/errors";

export type SignedInUser = {
  id: string;
  email: string;
  name: string;
  businessId: string;
  role: "owner" | "member";
  sessionVersion: number;
};

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
  const [isEmailAllowed, isIpAllowed] = await Promise.all([
    consumeRateLimit({ key: `login:email:${normalizedEmail}`, limit: 10, windowSeconds: 15 * 60 }),
    consumeRateLimit({ key: `login:ip:${ip}`, limit: 50, windowSeconds: 15 * 60 }),
  ]);
  if (!isEmailAllowed || !isIpAllowed) {
    throw new AppError("rate_limited", "Too many sign-in attempts. Wait a few minutes and try again.");
  }
  const user = await db.user.findUnique({
    where: { email: normalizedEmail },
    select: {
      id: true,
      email: true,
      name: true,
      passwordHash: true,
      sessionVersion: true,
      memberships: { select: { businessId: true, role: true }, orderBy: { createdAt: "asc" }, take: 1 },
    },
  });
  const isValid = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), password);
  const membership = user?.memberships[0];
  if (!user || !isValid || !membership) return null;
  await resetRateLimit(`login:email:${normalizedEmail}`);
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    businessId: membership.businessId,
    role: membership.role,
    sessionVersion: user.sessionVersion,
  };
}
