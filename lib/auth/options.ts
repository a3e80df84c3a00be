// next-auth 4 with the credentials provider and JWT sessions. The token carries user, business, role and the
// user's sessionVersion; every request re-checks the version, so a password change ends older sessions.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { authenticate } from "@/lib/auth/authenticate";
import { resolveAuthSecret } from "@/lib/auth/secret";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

const credentialsSchema = z.object({ email: z.string().email().max(320), password: z.string().min(1).max(1024) });

/**
 * The client's address for per-IP rate limits. X-Forwarded-For is client-controlled, so it is trusted only for the
 * TRUST_PROXY_HOPS proxies we run (counted from the right); otherwise the socket address that scripts/serve.ts
 * stamps into x-ringback-client-ip (overwriting anything a client sent) is used.
 */
export function clientIp(headers: Record<string, unknown> | undefined): string {
  const hops = env().trustProxyHops;
  const forwarded = headers?.["x-forwarded-for"];
  if (hops > 0 && typeof forwarded === "string") {
    const chain = forwarded
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean);
    const candidate = chain[chain.length - hops];
    if (candidate) return candidate;
  }
  const socketAddress = headers?.["x-ringback-client-ip"];
  return typeof socketAddress === "string" && socketAddress ? socketAddress : "local";
}

export function getAuthOptions(): NextAuthOptions {
  const useSecureCookies = env().publicBaseUrl.startsWith("https://");
  return {
    secret: resolveAuthSecret(),
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    useSecureCookies,
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, request) {
          const parsed = credentialsSchema.safeParse(credentials);
          if (!parsed.success) return null;
          try {
            const user = await authenticate({
              ...parsed.data,
              ip: clientIp(request?.headers as Record<string, unknown> | undefined),
            });
            return user ? { id: user.id, email: user.email, name: user.name, ...pickClaims(user) } : null;
          } catch (error) {
            if (error instanceof AppError && error.code === "rate_limited") throw new Error("RateLimited");
            throw error;
          }
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) Object.assign(token, pickClaims(user as unknown as Claims));
        return token;
      },
      session({ session, token }) {
        return { ...session, user: { ...session.user, id: token.sub, businessId: token.businessId, role: token.role } };
      },
    },
  };
}

type Claims = { businessId: string; role: "owner" | "member"; sessionVersion: number };

function pickClaims(user: Claims): Claims {
  return { businessId: user.businessId, role: user.role, sessionVersion: user.sessionVersion };
}
