// Sign-in security through the real next-auth route: cookie flags, per-email and per-IP login limits, identical
// answers for an unknown email and a wrong password, the client IP a limit counts, and AUTH_SECRET in production.
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { GET as authGet, POST as authPost } from "@/app/api/auth/[...nextauth]/route";
import { authenticate } from "@/lib/auth/authenticate";
import { clientIp } from "@/lib/auth/options";
import { hashPassword } from "@/lib/auth/password";
import { env, resetEnvForTests } from "@/lib/env";
import { createTestBusiness } from "@/test/helpers/business";
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
  return { status: response.status, url: body.url, setCookies, session };
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

  it("per email: after 10 failures the 11th attempt is refused even with the right password (from another IP)", async () => {
    const { email, password } = await createTestBusiness();
    for (let attempt = 0; attempt < 10; attempt += 1) {
      expect((await signIn({ email, password: `wrong-${attempt}`, ip: `10.2.0.${attempt}` })).session).toBeUndefined();
    }
    const eleventh = await signIn({ email, password, ip: "10.2.1.1" });
    expect(eleventh.session).toBeUndefined();
    expect(eleventh.url).toContain("error=RateLimited");
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
  });

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
    expect(() => env()).toThrow(/AUTH_SECRET is required in production/);
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
