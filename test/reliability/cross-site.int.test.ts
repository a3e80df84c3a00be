// CSRF beyond SameSite=Lax: every state-changing route (found on disk, next-auth's included) refuses a request the
// browser marks as cross-site (Origin of another site, Origin: null, Sec-Fetch-Site: cross-site/same-site) with a
// valid session, before doing anything; a JSON route refuses "text/plain; application/json" (a media type a page can
// send cross-site without a preflight). Same-origin requests and requests without those headers still work.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { createTestBusiness, randomPhone, sessionCookie } from "@/test/helpers/business";
import { withRequestScope } from "@/test/reliability/next-request-scope";
import { loadRoutes, withParams, type RouteMethod } from "@/test/reliability/route-inventory";
import { leaveNoWorkBehind } from "@/test/helpers/leave-no-work-behind";

const fileStartedAt = new Date();

const BASE = "https://ringback.test";
let routes: RouteMethod[] = [];
let cookie = "";
let threadId = "";

beforeAll(async () => {
  await getBoss();
  routes = (await loadRoutes()).filter(
    (route) => ["POST", "PATCH", "PUT", "DELETE"].includes(route.method) && !route.urlPath.startsWith("/api/twilio/"),
  );
  const owner = await createTestBusiness();
  cookie = await sessionCookie({ userId: owner.user.id, businessId: owner.business.id });
  const lead = await db.lead.create({ data: { businessId: owner.business.id, phone: randomPhone() } });
  threadId = (await db.thread.create({ data: { businessId: owner.business.id, leadId: lead.id, mode: "ai" } })).id;
});

afterAll(async () => {
  await leaveNoWorkBehind(fileStartedAt);
  await stopBoss();
});

async function send(route: RouteMethod, headers: Record<string, string>, id = threadId, body?: string) {
  const { urlPath, context } = withParams(route, route.urlPath.includes("nextauth") ? "signout" : id);
  const request = new Request(`${BASE}${urlPath}`, {
    method: route.method,
    headers: { cookie, ...headers, ...(body ? { "content-type": "application/json" } : {}) },
    body,
  });
  const response = await withRequestScope(request, (next) => route.handler(next, context));
  return { status: response.status, text: await response.text() };
}

describe("cross-site requests", () => {
  const crossSite: Record<string, string>[] = [
    { origin: "http://evil.example" },
    { origin: "https://ringback.test.evil.example" },
    { origin: "null" },
    { "sec-fetch-site": "cross-site" },
    { "sec-fetch-site": "same-site" },
    { origin: BASE, "sec-fetch-site": "cross-site" },
  ];

  it("every state-changing route refuses them with 403 before doing anything", async () => {
    expect(routes.length).toBeGreaterThanOrEqual(20);
    expect(routes.some((route) => route.urlPath.startsWith("/api/auth/"))).toBe(true);
    for (const route of routes) {
      for (const headers of crossSite) {
        const { status, text } = await send(route, headers, randomUUID(), JSON.stringify({}));
        const label = `${route.method} ${route.urlPath} ${JSON.stringify(headers)} → ${status} ${text.slice(0, 120)}`;
        expect(status, label).toBe(403);
        expect(text, label).toContain("Cross-site requests are not accepted.");
      }
    }
  });

  it("a body-less takeover from another site changes nothing; the same from this origin works", async () => {
    const takeover = routes.find((route) => route.urlPath === "/api/threads/[id]/takeover")!;
    expect((await send(takeover, { origin: "http://evil.example" })).status).toBe(403);
    expect((await db.thread.findUniqueOrThrow({ where: { id: threadId } })).mode).toBe("ai");
    expect((await send(takeover, { origin: BASE, "sec-fetch-site": "same-origin" })).status).toBe(200);
    expect((await db.thread.findUniqueOrThrow({ where: { id: threadId } })).mode).toBe("human");
  });

  it("a request with neither header (an API client) is judged by its session alone", async () => {
    const release = routes.find((route) => route.urlPath === "/api/threads/[id]/release")!;
    expect((await send(release, {})).status).toBe(200);
  });

  it("the JSON media type must match exactly: 'text/plain; application/json' is 415", async () => {
    const reply = routes.find((route) => route.urlPath === "/api/threads/[id]/messages")!;
    const { urlPath, context } = withParams(reply, threadId);
    for (const type of ["text/plain; application/json", "text/plain;charset=application/json", "application/jsonx"]) {
      const response = await reply.handler(
        new Request(`${BASE}${urlPath}`, {
          method: "POST",
          headers: { cookie, "content-type": type },
          body: JSON.stringify({ body: "Sent by a form on another site" }),
        }),
        context,
      );
      expect(response.status, type).toBe(415);
    }
    expect(await db.message.count({ where: { threadId } })).toBe(0);
  });
});
