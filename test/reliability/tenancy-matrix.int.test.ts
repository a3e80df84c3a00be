// The tenancy matrix: an owner of business A calls EVERY id-taking app route (found on disk) with business B's
// ids → 404 and B's rows unchanged; every list route of A never shows B's ids, numbers or texts.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { simulatorRecordingUrl } from "@/lib/telephony/simulator/simulator-sids";
import { createTestBusiness, randomPhone, sessionCookie } from "@/test/helpers/business";
import { withRequestScope } from "@/test/reliability/next-request-scope";
import { loadRoutes, withParams, type RouteMethod } from "@/test/reliability/route-inventory";

type Tenant = Awaited<ReturnType<typeof tenantWithData>>;

async function tenantWithData() {
  const owner = await createTestBusiness();
  const businessId = owner.business.id;
  const lead = await db.lead.create({
    data: { businessId, phone: randomPhone(), name: `Secret Customer ${randomUUID()}`, service: "boiler" },
  });
  const thread = await db.thread.create({ data: { businessId, leadId: lead.id, mode: "ai", unreadCount: 1 } });
  const message = await db.message.create({
    data: {
      businessId,
      threadId: thread.id,
      leadId: lead.id,
      direction: "inbound",
      authorKind: "customer",
      purpose: "inbound",
      body: `private text ${randomUUID()}`,
      fromNumber: lead.phone,
      toNumber: owner.twilioNumber,
      status: "received",
    },
  });
  const recordingSid = `RE${randomUUID().replaceAll("-", "")}`;
  const call = await db.call.create({
    data: {
      businessId,
      leadId: lead.id,
      threadId: thread.id,
      callSid: `CA${randomUUID().replaceAll("-", "")}`,
      fromNumber: lead.phone,
      toNumber: owner.twilioNumber,
      isMissed: true,
      missReason: "no-answer",
      // A voicemail the app can play (the simulator's sample): only its own business may hear it.
      recordingSid,
      voicemailUrl: simulatorRecordingUrl(recordingSid),
    },
  });
  const endpoint = await db.webhookEndpoint.create({
    data: { businessId, url: `https://crm.example/${randomUUID()}`, secret: randomUUID(), events: ["lead.created"] },
  });
  const delivery = await db.webhookDelivery.create({
    data: {
      businessId,
      endpointId: endpoint.id,
      eventId: randomUUID(),
      eventType: "lead.created",
      payload: { leadId: lead.id },
    },
  });
  const teammate = await db.user.create({
    data: { email: `member-${randomUUID()}@example.test`, name: "Max Member", passwordHash: "x" },
  });
  await db.membership.create({ data: { userId: teammate.id, businessId, role: "member", phone: randomPhone() } });
  const push = await db.pushSubscription.create({
    data: {
      businessId,
      userId: owner.user.id,
      endpoint: `https://push.example/${randomUUID()}`,
      p256dh: "p".repeat(40),
      auth: "a".repeat(16),
    },
  });
  const notification = await db.notification.create({
    data: {
      businessId,
      threadId: thread.id,
      userId: owner.user.id,
      kind: "missed_call",
      title: "Missed call",
      body: "…",
    },
  });
  const cookie = await sessionCookie({ userId: owner.user.id, businessId });
  return { ...owner, lead, thread, message, call, endpoint, delivery, teammate, push, notification, cookie };
}

/** Everything business B owns, as stored (compared before/after A's attempts). */
async function snapshotOf(businessId: string) {
  const where = { businessId };
  return JSON.stringify(
    await Promise.all([
      db.business.findUniqueOrThrow({ where: { id: businessId } }),
      db.lead.findMany({ where, orderBy: { id: "asc" } }),
      db.thread.findMany({ where, orderBy: { id: "asc" } }),
      db.message.findMany({ where, orderBy: { id: "asc" } }),
      db.call.findMany({ where, orderBy: { id: "asc" } }),
      db.event.findMany({ where, orderBy: { id: "asc" } }),
      db.webhookEndpoint.findMany({ where, orderBy: { id: "asc" } }),
      db.webhookDelivery.findMany({ where, orderBy: { id: "asc" } }),
      db.membership.findMany({ where, orderBy: { userId: "asc" }, include: { user: true } }),
      db.pushSubscription.findMany({ where, orderBy: { id: "asc" } }),
      db.notification.findMany({ where, orderBy: { id: "asc" } }),
      db.consentChange.findMany({ where, orderBy: { id: "asc" } }),
    ]),
  );
}

/** B's id for the route's resource (the first path segment after /api). A new id route must be added here. */
function idOf(route: RouteMethod, b: Tenant): string {
  const resource = route.urlPath.split("/")[2];
  const ids: Record<string, string> = {
    threads: b.thread.id,
    calls: b.call.id,
    messages: b.message.id,
    leads: b.lead.id,
    members: b.teammate.id,
    notifications: b.notification.id,
    webhooks: b.endpoint.id,
    // a Twilio number sid: in simulator mode there is no account, and with one, another business's number is 404
    "phone-numbers": `PN${"b".repeat(32)}`,
  };
  const id = ids[resource ?? ""];
  if (!id) throw new Error(`tenancy matrix: no business-B id for ${route.urlPath}; add the resource to idOf()`);
  return id;
}

/** A body that passes validation, so only ownership decides the answer. */
function validBodyFor(route: RouteMethod): unknown {
  if (route.method === "GET" || route.method === "DELETE") return undefined;
  if (route.urlPath.endsWith("/messages")) return { body: "Hello from the wrong business" };
  if (route.urlPath.endsWith("/release")) return { now: true };
  if (route.urlPath === "/api/leads/[id]") return { status: "won", name: "Hijacked" };
  if (route.urlPath === "/api/webhooks/[id]")
    return { url: "https://attacker.example/hook", isActive: true, rotateSecret: true };
  return undefined;
}

let a: Tenant;
let b: Tenant;
let routes: RouteMethod[] = [];

beforeAll(async () => {
  await getBoss();
  [a, b] = [await tenantWithData(), await tenantWithData()];
  routes = (await loadRoutes()).filter(
    (route) => !route.urlPath.startsWith("/api/twilio/") && !route.urlPath.startsWith("/api/auth/"),
  );
});

afterAll(async () => {
  await stopBoss();
});

/** The other segments of a route beside its resource id: the first attachment of a message. */
const otherParams = { index: "0" };

async function call(route: RouteMethod, { id, cookie, body }: { id?: string; cookie: string; body?: unknown }) {
  const { urlPath, context } = withParams(route, id ?? "", otherParams);
  const controller = new AbortController();
  const request = new Request(`https://ringback.test${urlPath}`, {
    method: route.method,
    headers: { cookie, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: controller.signal,
  });
  const response = await withRequestScope(request, (next) => route.handler(next, context));
  if ((response.headers.get("content-type") ?? "").includes("text/event-stream")) {
    controller.abort();
    await response.body?.cancel();
    return { status: response.status, text: "" };
  }
  return { status: response.status, text: await response.text() };
}

describe("tenancy matrix", () => {
  it("every id route: A acting on B's ids → 404, B unchanged", async () => {
    const idRoutes = routes.filter((route) => route.paramNames.length > 0);
    expect(idRoutes.length).toBeGreaterThanOrEqual(12);
    const before = await snapshotOf(b.business.id);
    for (const route of idRoutes) {
      const { status, text } = await call(route, { id: idOf(route, b), cookie: a.cookie, body: validBodyFor(route) });
      expect(status, `${route.method} ${route.urlPath} with B's id → ${status} ${text.slice(0, 200)}`).toBe(404);
      expect(JSON.parse(text), route.urlPath).toMatchObject({ error: { code: "not_found" } });
    }
    expect(await snapshotOf(b.business.id)).toBe(before);
  });

  it("the same calls with B's own session succeed, so the 404s above come from tenancy, not from bad input", async () => {
    // An MMS attachment streams from Twilio, which this simulator-mode run has no account for: its success for its
    // own business is lib/messages/message-media.int.test.ts's (against the Twilio fake).
    const readOnly = routes.filter(
      (route) =>
        route.paramNames.length > 0 && route.method === "GET" && route.urlPath !== "/api/messages/[id]/media/[index]",
    );
    for (const route of readOnly) {
      const { status } = await call(route, { id: idOf(route, b), cookie: b.cookie });
      expect(status, `${route.method} ${route.urlPath} as B`).toBe(200);
    }
  });

  it("body-addressed resources: A cannot remove B's push subscription", async () => {
    const route = routes.find(
      (candidate) => candidate.urlPath === "/api/push/subscriptions" && candidate.method === "DELETE",
    )!;
    const before = await snapshotOf(b.business.id);
    const { status } = await call(route, { cookie: a.cookie, body: { endpoint: b.push.endpoint } });
    expect(status).toBeLessThan(500);
    expect(await db.pushSubscription.findUnique({ where: { id: b.push.id } })).not.toBeNull();
    expect(await snapshotOf(b.business.id)).toBe(before);
  });

  it("list routes of A never include B's ids, numbers or texts", async () => {
    const lists = routes.filter(
      (route) =>
        route.paramNames.length === 0 && route.method === "GET" && !route.urlPath.startsWith("/api/simulator/"),
    );
    expect(lists.length).toBeGreaterThanOrEqual(8);
    const secrets = [
      b.business.id,
      b.lead.id,
      b.thread.id,
      b.message.id,
      b.call.id,
      b.endpoint.id,
      b.teammate.id,
      b.push.id,
      b.notification.id,
      b.lead.phone,
      b.lead.name!,
      b.message.body,
      b.endpoint.url,
      b.push.endpoint,
      b.email,
    ];
    let sawOwnData = false;
    for (const route of lists) {
      const { status, text } = await call(route, { cookie: a.cookie });
      expect(status, `${route.urlPath} → ${status} ${text.slice(0, 200)}`).toBeLessThan(500);
      for (const secret of secrets) expect(text.includes(secret), `${route.urlPath} leaks B's ${secret}`).toBe(false);
      if (text.includes(a.thread.id) || text.includes(a.lead.id)) sawOwnData = true;
    }
    expect(sawOwnData, "A's own lists show A's data (the check above is not vacuous)").toBe(true);
    const simulator = routes.find((route) => route.urlPath === "/api/simulator/conversation")!;
    const { text } = await call(
      { ...simulator, urlPath: `/api/simulator/conversation?phone=${encodeURIComponent(b.lead.phone)}` },
      { cookie: a.cookie },
    );
    expect(text.includes(b.message.body)).toBe(false);
  });
});
