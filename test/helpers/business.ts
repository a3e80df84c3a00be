// Per-test data: every test makes its own business (unique numbers), so tests never see each other's rows.
import { randomInt } from "node:crypto";
import { isValidPhoneNumber } from "libphonenumber-js";
import { encode } from "next-auth/jwt";
import { defaultAutoReplyTemplate } from "@/lib/business/auto-reply-template";
import { defaultBusinessHours, type BusinessHours } from "@/lib/business/business-hours";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import type { Prisma } from "@prisma/client";

/**
 * A random valid US number. Tests make thousands of businesses and customers in one database, and a number drawn twice
 * makes two tests share rows: so the exchange is random too (about 60 million numbers, checked valid by the same
 * library the app uses), not only the last four digits. Nothing is ever sent to it: Twilio is always a local fake.
 */
export function randomPhone(): string {
  const areaCodes = ["212", "312", "415", "512", "617", "702", "206", "303"];
  for (;;) {
    const exchange = String(200 + randomInt(800));
    if (exchange.endsWith("11")) continue; // N11 codes (211, 911…) are service codes, not exchanges
    const candidate = `+1${areaCodes[randomInt(areaCodes.length)]}${exchange}${String(randomInt(10_000)).padStart(4, "0")}`;
    if (isValidPhoneNumber(candidate)) return candidate;
  }
}

const passwordHashCache = new Map<string, Promise<string>>();

export async function createTestBusiness(
  overrides: Partial<Prisma.BusinessCreateInput> & { businessHours?: BusinessHours } = {},
) {
  const twilioNumber = randomPhone();
  const ownerPhone = randomPhone();
  const email = `owner-${randomInt(1e9)}@example.test`;
  const password = "correct horse battery";
  let hashPromise = passwordHashCache.get(password);
  if (!hashPromise) passwordHashCache.set(password, (hashPromise = hashPassword(password)));
  const business = await db.business.create({
    data: {
      name: "Test Plumbing Co",
      timezone: "America/New_York",
      businessHours: defaultBusinessHours,
      forwardTo: ownerPhone,
      autoReplyTemplate: defaultAutoReplyTemplate,
      ...overrides,
      phoneNumbers: { create: { e164: twilioNumber } },
    },
  });
  const user = await db.user.create({ data: { email, name: "Olivia Owner", passwordHash: await hashPromise } });
  const membership = await db.membership.create({
    data: { userId: user.id, businessId: business.id, role: "owner", phone: ownerPhone },
  });
  return { business, user, membership, twilioNumber, ownerPhone, email, password };
}

/** A session cookie for `userId`, signed like next-auth signs it, for calling authed routes directly. */
export async function sessionCookie({ userId, businessId }: { userId: string; businessId: string }) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { sessionVersion: true, email: true },
  });
  const membership = await db.membership.findUniqueOrThrow({
    where: { userId_businessId: { userId, businessId } },
    select: { role: true },
  });
  const token = await encode({
    secret: process.env.AUTH_SECRET!,
    token: { sub: userId, email: user.email, businessId, role: membership.role, sessionVersion: user.sessionVersion },
  });
  const secure = (process.env.PUBLIC_BASE_URL ?? "").startsWith("https://");
  return `${secure ? "__Secure-" : ""}next-auth.session-token=${token}`;
}

/** A JSON request to an app route with the member's session. */
export function authedRequest(
  url: string,
  {
    cookie,
    method = "GET",
    body,
    headers = {},
  }: { cookie: string; method?: string; body?: unknown; headers?: Record<string, string> },
): Request {
  return new Request(new URL(url, "https://ringback.test"), {
    method,
    headers: { cookie, ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
