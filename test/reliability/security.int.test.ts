// Sign-in security through the real next-auth route: cookie flags, per-email and per-IP login limits, identical
// answers for an unknown email and a wrong password, the client IP a limit counts, and AUTH_SECRET in production.
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { GET as authGet, POST as authPost } from "@/app/api/auth/[...nextauth]/route";
import { authenticate } from "@/lib/auth/authenticate";
import { clientIp } from "@/lib/auth/options";
import { hashPassword } from "@/lib/auth/password";
import { assertProductionConfig, env, resetEnvForTests } from "@/lib/env";
import { db } from "@/lib/db/client";
import { authedRequest, createTestBusiness, sessionCookie } from "@/test/helpers/business";
import { POST as changePasswordRoute } from "@/app/api/account/password/route";
import { GET as getBusiness } from "@/app/api/business/route";
import { GET as listThreads } from "@/app/api/threads/route";
import { waitFor } from "@/test/helpers/wait";
import { withRequestScope } from "@/test/reliability/next-request-scope";

const BASE = "https://ringback.test";
const ctx = (...segments: string[]) => ({ params: Promise.resolve({ nextauth: segments }) });

afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvForTests();
});

async function csrf(ip: string) {
  const request = new Request(`${BASE}/api/auth/csrf`, { headers: { "x-ringback-client-ip": ip } });
  const response: Response = await withRequestScope(request, (next) => authGet(next, ctx("csrf")));
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
  return { csrfToken, cookie, setCookies: response.headers.getSetCookie() };
}

/** One sign-in attempt as the login form makes it (json=true: next-auth answers { url } instead of redirecting). */
async function signIn({
  email,
  password,
  ip = `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
}: {
  email: string;
  password: string;
  ip?: string;
}) {
  const token = await csrf(ip);
  const request = new Request(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: token.cookie, "x-ringback-client-ip": ip },
    body: new URLSearchParams({
      csrfToken: token.csrfToken,
      email,
      password,
      json: "true",
      callbackUrl: "/inbox",
    }).toString(),
  });
  const response: Response = await withRequestScope(request, (next) => authPost(next, ctx("callback", "credentials")));
  const body = (await response.json()) as { url: string };
  const setCookies = response.headers.getSetCookie();
  const session = setCookies.find(
    (line) => /next-auth\.session-token=[^;]+/.test(line) && !/session-token=;/.test(line),
  );
  return {
    status: response.status,
    url: body.url,
    setCookies,
    session,
    isRateLimited: body.url.includes("RateLimited"),
  };
}

describe("session cookie", () => {
  it("is HttpOnly, SameSite=Lax, Secure and __Secure- prefixed when PUBLIC_BASE_URL is https", async () => {
    const { email, password } = await createTestBusiness();
    const { session, url } = await signIn({ email, password });
    // (the host comes from NEXTAUTH_URL, which scripts/boot.ts sets to PUBLIC_BASE_URL)
    expect(new URL(url).pathname).toBe("/inbox");
    expect(session).toBeDefined();
    expect(session).toMatch(/^__Secure-next-auth\.session-token=/);
    expect(session).toMatch(/;\s*HttpOnly/i);
    expect(session).toMatch(/;\s*SameSite=Lax/i);
    expect(session).toMatch(/;\s*Secure/i);
    expect(session).toMatch(/;\s*Path=\//i);
  });

  it("the CSRF cookie is HttpOnly and __Host- prefixed", async () => {
    const { setCookies } = await csrf("10.1.1.1");
    const line = setCookies.find((cookie) => cookie.includes("csrf-token"));
    expect(line).toMatch(/^__Host-next-auth\.csrf-token=/);
    expect(line).toMatch(/HttpOnly/i);
    expect(line).toMatch(/Secure/i);
  });
});

describe("failed sign-ins", () => {
  it("an unknown email and a wrong password get exactly the same answer, and neither gets a session", async () => {
    const { email } = await createTestBusiness();
    const wrongPassword = await signIn({ email, password: "not the password" });
    const unknownEmail = await signIn({ email: `nobody-${randomUUID()}@example.test`, password: "not the password" });
    expect(wrongPassword.session).toBeUndefined();
    expect(unknownEmail.session).toBeUndefined();
    expect(unknownEmail.status).toBe(wrongPassword.status);
    expect(unknownEmail.url).toBe(wrongPassword.url);
    const cookieNames = (lines: string[]) => lines.map((line) => line.split("=")[0]).sort();
    expect(cookieNames(unknownEmail.setCookies)).toEqual(cookieNames(wrongPassword.setCookies));
  });

  it("no lockout: 10 bad attempts from one address leave the owner free to sign in from theirs", async () => {
    const { email, password } = await createTestBusiness();
    const attacker = "10.2.0.1";
    const answers = [];
    for (let attempt = 0; attempt < 10; attempt += 1) {
      answers.push(await signIn({ email, password: `wrong-${attempt}`, ip: attacker }));
    }
    expect(answers.every((answer) => answer.session === undefined)).toBe(true);
    expect(answers.at(-1)!.isRateLimited, "the attacking address is held back").toBe(true);
    const owner = await signIn({ email, password, ip: "10.2.1.1" });
    expect(owner.session, "the real owner signs in from their own address at once").toBeDefined();
  });

  it("per email and address: three tries free, then a delay that doubles (1, 2, 4, 8 s) and holds even the right password", async () => {
    const { email, password } = await createTestBusiness();
    const ip = "10.3.0.1";
    const key = `login:pair:${email}|${ip}`;
    let judged = 0;
    for (let attempt = 1; attempt <= 7; attempt += 1) {
      // Wait out the delay (read, not probed: every try also counts against the address's own cap).
      await waitFor(
        async () => ((await db.rateLimit.findUnique({ where: { key } }))?.blockedUntil?.getTime() ?? 0) <= Date.now(),
        { timeoutMs: 20_000 },
      );
      const sentAt = Date.now();
      const answer = await signIn({ email, password: `wrong-${attempt}`, ip });
      const answeredAt = Date.now();
      expect(answer.isRateLimited, `attempt ${attempt} is let through once its delay is over`).toBe(false);
      const row = await db.rateLimit.findUniqueOrThrow({ where: { key } });
      if (attempt >= 4) {
        // …but not a moment before. Judged only while the delay surely still runs when the probe arrives: on a
        // loaded machine a sign-in can take longer than the 1 s delay itself. The 4 s and 8 s delays always are.
        const probedAt = Date.now();
        if ((row.blockedUntil?.getTime() ?? 0) - probedAt > 1_500) {
          expect((await signIn({ email, password, ip })).isRateLimited, `attempt ${attempt} + 1 at once`).toBe(true);
          judged += 1;
        }
      }
      // The delay was set while the attempt ran: blockedUntil − delay lies between sending and the answer.
      const delayMs = (attempt <= 3 ? 0 : 2 ** (attempt - 4)) * 1000;
      const setAt = (row.blockedUntil?.getTime() ?? 0) - delayMs;
      expect(setAt, `delay after attempt ${attempt}`).toBeGreaterThanOrEqual(sentAt - 50);
      expect(setAt, `delay after attempt ${attempt}`).toBeLessThanOrEqual(answeredAt + 50);
    }
    expect(judged, "the early tries judged (at least those after the 4 s and 8 s delays)").toBeGreaterThanOrEqual(2);
    // Inside the delay even the right password is refused, and the refusals were not counted.
    const held = await signIn({ email, password, ip });
    expect(held.isRateLimited).toBe(true);
    expect(held.session).toBeUndefined();
    expect((await db.rateLimit.findUniqueOrThrow({ where: { key } })).count).toBe(7);
  });

  it("per IP: the 51st attempt from one address is refused whatever the email", async () => {
    const ip = `198.51.100.${Math.floor(Math.random() * 250)}`;
    const { email, password } = await createTestBusiness();
    for (let attempt = 0; attempt < 50; attempt += 1) {
      await authenticate({ email: `unknown-${attempt}-${randomUUID()}@example.test`, password: "x".repeat(8), ip });
    }
    await expect(authenticate({ email, password, ip })).rejects.toMatchObject({ code: "rate_limited" });
    // Another address is not affected.
    await expect(authenticate({ email, password, ip: "198.51.100.251" })).resolves.toMatchObject({ email });
  }, 120_000); // 52 password hashes (an unknown email is hashed too, so it answers in the same time): slow on a busy machine

  it("with TRUST_PROXY_HOPS=0 a client cannot pick its rate-limit key with X-Forwarded-For", () => {
    vi.stubEnv("TRUST_PROXY_HOPS", "0");
    resetEnvForTests();
    expect(clientIp({ "x-forwarded-for": "203.0.113.9", "x-ringback-client-ip": "192.0.2.7" })).toBe("192.0.2.7");
    expect(clientIp({ "x-forwarded-for": "203.0.113.9" })).toBe("local");
    vi.stubEnv("TRUST_PROXY_HOPS", "1");
    resetEnvForTests();
    // One proxy of ours appends the real client: the rightmost entry counts, a spoofed left part does not.
    expect(clientIp({ "x-forwarded-for": "6.6.6.6, 203.0.113.9", "x-ringback-client-ip": "10.0.0.1" })).toBe(
      "203.0.113.9",
    );
  });
});

describe("configuration", () => {
  it("production refuses to start without AUTH_SECRET", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("AUTH_SECRET", "");
    resetEnvForTests();
    expect(() => assertProductionConfig()).toThrow(/AUTH_SECRET is required in production/);
    vi.stubEnv("AUTH_SECRET", "a-long-random-secret-a-long-random-secret");
    resetEnvForTests();
    expect(env().isProduction).toBe(true);
  });

  it("a Twilio account without its auth token is refused at start (webhooks can never run unverifiable)", () => {
    vi.stubEnv("TWILIO_ACCOUNT_SID", `AC${"f".repeat(32)}`);
    vi.stubEnv("TWILIO_AUTH_TOKEN", "");
    resetEnvForTests();
    expect(() => env()).toThrow(/TWILIO_AUTH_TOKEN/);
  });

  it("passwords are hashed with argon2id at OWASP's minimum (19 MiB, t=2)", async () => {
    const stored = await hashPassword("correct horse battery");
    const [, algorithm, , params] = stored.split("$");
    expect(algorithm).toBe("argon2id");
    const values = Object.fromEntries(params!.split(",").map((pair) => pair.split("=")));
    expect(Number(values.m)).toBeGreaterThanOrEqual(19_456);
    expect(Number(values.t)).toBeGreaterThanOrEqual(2);
  });
});

describe("GET /api/auth/session", () => {
  async function session(cookie: string) {
    const request = new Request(`${BASE}/api/auth/session`, { headers: { cookie } });
    const response: Response = await withRequestScope(request, (next) => authGet(next, ctx("session")));
    return {
      body: (await response.json()) as { user?: { email?: string } },
      setCookies: response.headers.getSetCookie(),
    };
  }

  it("answers and refreshes a live session, but not one that ended (password changed): no user, cookie cleared", async () => {
    const { email, password, user } = await createTestBusiness();
    const signedIn = await signIn({ email, password });
    const cookie = signedIn.session!.split(";")[0]!;
    const live = await session(cookie);
    expect(live.body.user?.email).toBe(email);
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    const ended = await session(cookie);
    expect(ended.body).toEqual({});
    const reissued = ended.setCookies.filter((line) => /session-token=[^;]+/.test(line));
    expect(reissued, "no fresh token for an ended session").toEqual([]);
    expect(
      ended.setCookies.some((line) => /session-token=;.*Max-Age=0/i.test(line)),
      "the cookie is cleared",
    ).toBe(true);
  });
});

describe("a generated first password", () => {
  it("must be changed first: every route but the password change answers 403 until then", async () => {
    const { business, user, password } = await createTestBusiness();
    await db.user.update({ where: { id: user.id }, data: { mustChangePassword: true } });
    const cookie = await sessionCookie({ userId: user.id, businessId: business.id });
    for (const request of [authedRequest("/api/threads", { cookie }), authedRequest("/api/business", { cookie })]) {
      const response = await (request.url.endsWith("/threads") ? listThreads : getBusiness)(request, {} as never);
      expect(response.status, request.url).toBe(403);
      expect(await response.json()).toMatchObject({ error: { code: "password_change_required" } });
    }
    const changed = await changePasswordRoute(
      authedRequest("/api/account/password", {
        cookie,
        method: "POST",
        body: { currentPassword: password, newPassword: "my-own-password-1" },
      }),
      {} as never,
    );
    expect(changed.status).toBe(200);
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.mustChangePassword).toBe(false);
    const fresh = await sessionCookie({ userId: user.id, businessId: business.id });
    expect((await listThreads(authedRequest("/api/threads", { cookie: fresh }), {} as never)).status).toBe(200);
  });
});
