// Security headers: the nonce CSP built by proxy.ts and the headers next.config.ts puts on every response.
import { afterEach, describe, expect, it, vi } from "vitest";
import { contentSecurityPolicy } from "@/proxy";

async function configHeaders(nodeEnv: "production" | "development") {
  vi.stubEnv("NODE_ENV", nodeEnv);
  vi.resetModules();
  const { default: config } = await import("@/next.config");
  const rules = await config.headers!();
  const all = rules.find((rule) => rule.source === "/:path*");
  return new Map((all?.headers ?? []).map((header) => [header.key.toLowerCase(), header.value]));
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("Content-Security-Policy (proxy.ts)", () => {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const production = contentSecurityPolicy({ nonce, isDevelopment: false });
  const directives = new Map(
    production.split(";").map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name!, values] as const;
    }),
  );

  it("allows scripts only by this request's nonce (strict-dynamic), never unsafe-eval or unsafe-inline in production", () => {
    expect(directives.get("script-src")).toEqual(expect.arrayContaining([`'nonce-${nonce}'`, "'strict-dynamic'"]));
    expect(directives.get("script-src")).not.toContain("'unsafe-eval'");
    expect(directives.get("script-src")).not.toContain("'unsafe-inline'");
  });

  it("forbids framing, plugins and foreign form targets", () => {
    expect(directives.get("frame-ancestors")).toEqual(["'none'"]);
    expect(directives.get("object-src")).toEqual(["'none'"]);
    expect(directives.get("form-action")).toEqual(["'self'"]);
    expect(directives.get("base-uri")).toEqual(["'self'"]);
    expect(directives.get("default-src")).toEqual(["'self'"]);
  });

  it("plays media only from the app itself (voicemails stream through its own authenticated route)", () => {
    expect(directives.get("media-src")).toEqual(["'self'"]);
  });

  it("only development (React Refresh) gets unsafe-eval", () => {
    expect(contentSecurityPolicy({ nonce, isDevelopment: true })).toContain("'unsafe-eval'");
  });

  it("the proxy sets a fresh nonce per request on the response and the request it forwards", async () => {
    const { proxy } = await import("@/proxy");
    const { NextRequest } = await import("next/server");
    const first = proxy(new NextRequest("https://ringback.test/inbox"));
    const second = proxy(new NextRequest("https://ringback.test/inbox"));
    const nonceOf = (policy: string | null) => /'nonce-([^']+)'/.exec(policy ?? "")?.[1];
    expect(nonceOf(first.headers.get("content-security-policy"))).toBeTruthy();
    expect(nonceOf(first.headers.get("content-security-policy"))).not.toBe(
      nonceOf(second.headers.get("content-security-policy")),
    );
    // Next passes the nonce on through x-middleware-request-* headers of the response.
    expect(first.headers.get("x-middleware-request-x-nonce")).toBe(
      nonceOf(first.headers.get("content-security-policy")),
    );
  });

  it("the proxy matcher covers pages and skips the API and static assets", async () => {
    const { config } = await import("@/proxy");
    const source = new RegExp(`^${config.matcher[0]!.source}$`);
    expect(source.test("/inbox")).toBe(true);
    expect(source.test("/login")).toBe(true);
    expect(source.test("/api/threads")).toBe(false);
    expect(source.test("/_next/static/chunk.js")).toBe(false);
  });
});

describe("headers on every response (next.config.ts)", () => {
  it("production: nosniff, Referrer-Policy, frame denial and HSTS", async () => {
    const headers = await configHeaders("production");
    expect(headers.get("x-content-type-options")).toBe("nosniff");
    expect(headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(headers.get("x-frame-options")).toBe("DENY");
    expect(headers.get("strict-transport-security")).toMatch(/max-age=(\d+)/);
    expect(Number(/max-age=(\d+)/.exec(headers.get("strict-transport-security")!)![1])).toBeGreaterThanOrEqual(
      31_536_000,
    );
  });

  it("development: no HSTS (it would pin localhost to https), the rest unchanged", async () => {
    const headers = await configHeaders("development");
    expect(headers.has("strict-transport-security")).toBe(false);
    expect(headers.get("x-content-type-options")).toBe("nosniff");
    expect(headers.get("referrer-policy")).toBeTruthy();
  });
});
