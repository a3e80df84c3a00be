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

function clientIp(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  const first = typeof forwarded === "string" ? forwarded.split(",")[0]?.trim() : undefined;
  const real = headers?.["x-real-ip"];
  return first || (typeof real === "string" ? real : "") || "local";
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
