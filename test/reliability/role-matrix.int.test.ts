// The role matrix, beside the tenancy matrix: EVERY mutating app route (found on disk) × owner/member. A member
// answers, takes over and sets availability, their own notification preferences and devices; settings, the team
// and CRM webhooks are the owner's. An owner-only route answers a member 403 and changes nothing, and the same call
// by the owner succeeds (so the 403 comes from the role, not from the input).
import { createECDH, randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { createTestBusiness, randomPhone, sessionCookie } from "@/test/helpers/business";
import { withRequestScope } from "@/test/reliability/next-request-scope";
import { loadRoutes, withParams, type RouteMethod } from "@/test/reliability/route-inventory";
import { leaveNoWorkBehind } from "@/test/helpers/leave-no-work-behind";

const fileStartedAt = new Date();

type Fixture = Awaited<ReturnType<typeof businessWithTeam>>;
type Entry = {
  /** who may call it: "owner" only, or any "member" of the business */
  role: "owner" | "member";
  id?: (fixture: Fixture) => string;
  body?: (fixture: Fixture) => unknown;
  /** what the owner's call answers when not 2xx for a reason other than the role (stated per route) */
  ownerStatus?: number;
};

const ecdh = createECDH("prime256v1");
ecdh.generateKeys();
const deviceKeys = { p256dh: ecdh.getPublicKey().toString("base64url"), auth: randomBytes(16).toString("base64url") };

/** Every mutating route and its role. A new mutating route must be added here (the first test fails until then). */
const roles: Record<string, Entry> = {
  "PATCH /api/business": {
    role: "owner",
    body: () => ({
      forwardTo: "+12125550199",
      aiInstructions: "Offer 90 % off",
      autoReplyTemplate: "Hi from {business}",
    }),
  },
  "POST /api/members": {
    role: "owner",
    body: () => ({ email: `new-${randomUUID()}@example.test`, name: "New", password: "password-123" }),
  },
  "DELETE /api/members/[id]": { role: "owner", id: (f) => f.teammate.id },
  "POST /api/webhooks": { role: "owner", body: () => ({ url: "https://crm.example/hook" }) },
  "PATCH /api/webhooks/[id]": { role: "owner", id: (f) => f.endpoint.id, body: () => ({ isActive: false }) },
  "DELETE /api/webhooks/[id]": { role: "owner", id: (f) => f.endpoint.id },
  "POST /api/webhooks/[id]/test": { role: "owner", id: (f) => f.endpoint.id },
  // The tests run in simulator mode: no Twilio account, so no number to connect (404) once the role check passed.
  "POST /api/phone-numbers/[sid]/connect": { role: "owner", id: () => `PN${"a".repeat(32)}`, ownerStatus: 404 },
  "PATCH /api/account/notifications": { role: "member", body: () => ({ quietStart: "22:00", quietEnd: "07:00" }) },
  // A wrong current password: the point is that a member reaches the check (422), not the 403 of a role.
  "POST /api/account/password": {
    role: "member",
    body: () => ({ currentPassword: "not-it", newPassword: "a-new-password-1" }),
  },
  "POST /api/push/subscriptions": {
    role: "member",
    body: (f) => ({ endpoint: `http://127.0.0.1:9/push/${f.business.id}`, keys: deviceKeys }),
  },
  "DELETE /api/push/subscriptions": {
    role: "member",
    body: (f) => ({ endpoint: `http://127.0.0.1:9/push/${f.business.id}` }),
  },
  "POST /api/push/test": { role: "member" },
  "POST /api/setup-test": { role: "member" },
  "POST /api/simulator/call": { role: "member", body: () => ({ from: randomPhone() }) },
  "POST /api/simulator/sms": { role: "member", body: () => ({ from: randomPhone(), body: "Is anyone there?" }) },
  // No Call back was placed in this fixture: a member gets past the role check to the call lookup (404).
  "POST /api/simulator/call-status": { role: "member", body: () => ({ callId: "no-such-call", action: "answer" }) },
  "PATCH /api/leads/[id]": { role: "member", id: (f) => f.lead.id, body: () => ({ status: "contacted" }) },
  "POST /api/notifications/[id]/opened": { role: "member", id: (f) => f.notification.id },
  "POST /api/threads/[id]/takeover": { role: "member", id: (f) => f.thread.id },
  "POST /api/threads/[id]/release": { role: "member", id: (f) => f.thread.id, body: () => ({ now: false }) },
  "POST /api/threads/[id]/messages": { role: "member", id: (f) => f.thread.id, body: () => ({ body: "On my way" }) },
  "POST /api/threads/[id]/call-back": { role: "member", id: (f) => f.thread.id },
  // No draft waits in this fixture: a member gets past the role check to the draft itself (409).
  "POST /api/threads/[id]/draft/send": { role: "member", id: (f) => f.thread.id, body: () => ({ body: "Edited" }) },
  "DELETE /api/threads/[id]/draft": { role: "member", id: (f) => f.thread.id },
};

async function businessWithTeam() {
  const owner = await createTestBusiness();
  const businessId = owner.business.id;
  const member = await db.user.create({
    data: { email: `member-${randomUUID()}@example.test`, name: "Max Member", passwordHash: owner.user.passwordHash },
  });
  await db.membership.create({ data: { userId: member.id, businessId, role: "member", phone: randomPhone() } });
  const teammate = await db.user.create({
    data: { email: `teammate-${randomUUID()}@example.test`, name: "Tia Teammate", passwordHash: "x" },
  });
  await db.membership.create({ data: { userId: teammate.id, businessId, role: "member" } });
  const lead = await db.lead.create({ data: { businessId, phone: randomPhone(), name: "Customer" } });
  const thread = await db.thread.create({ data: { businessId, leadId: lead.id, mode: "ai" } });
  const endpoint = await db.webhookEndpoint.create({
    data: { businessId, url: "https://crm.example/existing", secret: "whsec_x", events: [] },
  });
  const notification = await db.notification.create({
    data: { businessId, threadId: thread.id, userId: member.id, kind: "missed_call", title: "Missed call", body: "…" },
  });
  return {
    ...owner,
    member,
    teammate,
    lead,
    thread,
    endpoint,
    notification,
    ownerCookie: await sessionCookie({ userId: owner.user.id, businessId }),
    memberCookie: await sessionCookie({ userId: member.id, businessId }),
  };
}

/** What the owner-only routes guard: settings, the team, the webhooks. */
async function ownerStateOf(businessId: string) {
  const where = { businessId };
  return JSON.stringify(
    await Promise.all([
      db.business.findUniqueOrThrow({ where: { id: businessId } }),
      db.membership.findMany({ where, orderBy: { userId: "asc" }, include: { user: true } }),
      db.webhookEndpoint.findMany({ where, orderBy: { id: "asc" } }),
      db.webhookDelivery.findMany({ where, orderBy: { id: "asc" } }),
    ]),
  );
}

let routes: RouteMethod[] = [];
let mutating: RouteMethod[] = [];
const keyOf = (route: RouteMethod) => `${route.method} ${route.urlPath}`;

beforeAll(async () => {
  await getBoss();
  routes = await loadRoutes();
  mutating = routes.filter(
    (route) =>
      ["POST", "PATCH", "PUT", "DELETE"].includes(route.method) &&
      !route.urlPath.startsWith("/api/twilio/") &&
      !route.urlPath.startsWith("/api/auth/"),
  );
});

afterAll(async () => {
  await leaveNoWorkBehind(fileStartedAt);
  await stopBoss();
});

async function call(route: RouteMethod, fixture: Fixture, cookie: string, bodyOverride?: unknown) {
  const entry = roles[keyOf(route)]!;
  const { urlPath, context } = withParams(route, entry.id?.(fixture) ?? "");
  const body = bodyOverride ?? entry.body?.(fixture);
  const request = new Request(`https://ringback.test${urlPath}`, {
    method: route.method,
    headers: { cookie, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const response = await withRequestScope(request, (next) => route.handler(next, context));
  return { status: response.status, text: await response.text() };
}

describe("role matrix", () => {
  it("knows the role of every mutating route on disk (and of no route that is gone)", () => {
    expect(mutating.length).toBeGreaterThanOrEqual(20);
    const onDisk = mutating.map(keyOf).sort();
    expect(
      onDisk.filter((key) => !roles[key]),
      "add these routes to the role table",
    ).toEqual([]);
    expect(
      Object.keys(roles).filter((key) => !onDisk.includes(key)),
      "routes no longer on disk",
    ).toEqual([]);
  });

  it("owner-only routes: a member gets 403 and nothing changes; the owner's same call succeeds", async () => {
    const fixture = await businessWithTeam();
    const ownerOnly = mutating.filter((route) => roles[keyOf(route)]!.role === "owner");
    expect(ownerOnly.length).toBeGreaterThanOrEqual(7);
    const before = await ownerStateOf(fixture.business.id);
    for (const route of ownerOnly) {
      const { status, text } = await call(route, fixture, fixture.memberCookie);
      expect(status, `${keyOf(route)} as a member → ${status} ${text.slice(0, 200)}`).toBe(403);
      expect(JSON.parse(text), keyOf(route)).toMatchObject({ error: { code: "forbidden" } });
    }
    expect(await ownerStateOf(fixture.business.id), "a member's calls changed owner-only state").toBe(before);
    // DELETE /api/webhooks/[id] last: the other webhook routes need the endpoint.
    const ordered = [...ownerOnly].sort(
      (a, b) => Number(keyOf(a).startsWith("DELETE")) - Number(keyOf(b).startsWith("DELETE")),
    );
    for (const route of ordered) {
      const { status, text } = await call(route, fixture, fixture.ownerCookie);
      const label = `${keyOf(route)} as the owner → ${status} ${text.slice(0, 200)}`;
      const expected = roles[keyOf(route)]!.ownerStatus;
      if (expected) {
        expect(status, label).toBe(expected);
        continue;
      }
      expect(status, label).toBeGreaterThanOrEqual(200);
      expect(status, label).toBeLessThan(300);
    }
  });

  it("member routes: a member is let through (never 403, never 5xx)", async () => {
    const fixture = await businessWithTeam();
    const memberRoutes = mutating.filter((route) => roles[keyOf(route)]!.role === "member");
    expect(memberRoutes.length).toBeGreaterThanOrEqual(12);
    for (const route of memberRoutes) {
      const { status, text } = await call(route, fixture, fixture.memberCookie);
      expect(status, `${keyOf(route)} as a member → ${status} ${text.slice(0, 200)}`).not.toBe(403);
      expect(status, `${keyOf(route)} as a member → ${status} ${text.slice(0, 200)}`).toBeLessThan(500);
    }
  }, 120_000);

  it("PATCH /api/business: a member may set `available`, and nothing else, not even alongside it", async () => {
    const fixture = await businessWithTeam();
    const route = mutating.find((candidate) => keyOf(candidate) === "PATCH /api/business")!;
    const before = await db.business.findUniqueOrThrow({ where: { id: fixture.business.id } });
    for (const patch of [
      { forwardTo: "+12125550199" },
      { aiInstructions: "Promise free work" },
      { autoReplyTemplate: "New text from {business}" },
      { name: "Renamed by a member" },
      { available: !before.available, forwardTo: "+12125550199" },
    ]) {
      const { status } = await call(route, fixture, fixture.memberCookie, patch);
      expect(status, JSON.stringify(patch)).toBe(403);
    }
    expect(await db.business.findUniqueOrThrow({ where: { id: fixture.business.id } })).toEqual(before);
    const { status } = await call(route, fixture, fixture.memberCookie, { available: !before.available });
    expect(status).toBe(200);
    expect((await db.business.findUniqueOrThrow({ where: { id: fixture.business.id } })).available).toBe(
      !before.available,
    );
  });
});
