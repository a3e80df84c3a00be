// Who is asking. Every route handler and page calls requireMember (auth is enforced here, not only in middleware):
// the JWT must be valid AND the user must still be a member with the same sessionVersion.
import { getToken } from "next-auth/jwt";
import { db } from "@/lib/db/client";
import { resolveAuthSecret } from "@/lib/auth/secret";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

export type Member = {
  userId: string;
  businessId: string;
  role: "owner" | "member";
  email: string;
  name: string;
  /** a generated first password: only the password change is allowed until it is done */
  mustChangePassword: boolean;
};

function parseCookies(header: string | null): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index < 1) continue;
    const name = part.slice(0, index).trim();
    const value = part.slice(index + 1).trim();
    try {
      cookies[name] = decodeURIComponent(value);
    } catch {
      cookies[name] = value;
    }
  }
  return cookies;
}

async function memberFromClaims(claims: Record<string, unknown> | null): Promise<Member | null> {
  if (!claims || typeof claims.sub !== "string" || typeof claims.businessId !== "string") return null;
  const membership = await db.membership.findUnique({
    where: { userId_businessId: { userId: claims.sub, businessId: claims.businessId } },
    select: {
      role: true,
      user: { select: { email: true, name: true, sessionVersion: true, mustChangePassword: true } },
    },
  });
  if (!membership || membership.user.sessionVersion !== claims.sessionVersion) return null;
  return {
    userId: claims.sub,
    businessId: claims.businessId,
    role: membership.role,
    email: membership.user.email,
    name: membership.user.name,
    mustChangePassword: membership.user.mustChangePassword,
  };
}

/** The signed-in member behind an API request, or null. */
export async function getMember(request: Request): Promise<Member | null> {
  const token = await getToken({
    req: {
      headers: Object.fromEntries(request.headers),
      cookies: parseCookies(request.headers.get("cookie")),
    } as never,
    secret: resolveAuthSecret(),
    secureCookie: env().publicBaseUrl.startsWith("https://"),
  });
  return memberFromClaims(token as Record<string, unknown> | null);
}

/**
 * The signed-in member, or a 401 AppError. `role: "owner"` answers 403 to a member. Until a generated first password
 * is changed, every route but the password change answers 403 `password_change_required`.
 */
export async function requireMember(
  request: Request,
  { role, isPasswordChange = false }: { role?: "owner"; isPasswordChange?: boolean } = {},
): Promise<Member> {
  const member = await getMember(request);
  if (!member) throw new AppError("unauthorized", "Sign in to continue.");
  if (member.mustChangePassword && !isPasswordChange) {
    throw new AppError("password_change_required", "Choose your own password first (you are asked at sign-in).");
  }
  if (role === "owner") requireOwner(member);
  return member;
}

/** Owner-only actions: settings, the team, CRM webhooks. */
export function requireOwner(member: Member): void {
  if (member.role !== "owner") throw new AppError("forbidden", "Only an owner can do that.");
}

/** For server components and server actions: the member of the current request, or null. */
export async function getPageMember(): Promise<Member | null> {
  const { cookies, headers } = await import("next/headers");
  const [cookieStore, headerStore] = await Promise.all([cookies(), headers()]);
  const token = await getToken({
    req: {
      headers: Object.fromEntries(headerStore),
      cookies: Object.fromEntries(cookieStore.getAll().map((cookie) => [cookie.name, cookie.value])),
    } as never,
    secret: resolveAuthSecret(),
    secureCookie: env().publicBaseUrl.startsWith("https://"),
  });
  return memberFromClaims(token as Record<string, unknown> | null);
}
