// Every byte answered, app API side: each string field of each JSON body, each query parameter and each path id,
// signed in as the owner, carrying NUL and other control characters, lone surrogates, broken %-escapes, an
// over-long value or a key given twice. Never a 5xx; a refusal is a 4xx that writes nothing; what is accepted is
// stored exactly as sent (the API refuses such bytes instead of cleaning them: in a password or an address,
// dropping a character would change the meaning), so nothing stored holds them.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { hasUnsafeText } from "@/lib/http/clean-text";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { createTestBusiness, randomPhone, sessionCookie } from "@/test/helpers/business";
import { postInboundSms } from "@/test/helpers/inbound-sms";
import { fieldCases } from "@/test/reliability/fuzz-field-values";
import { discardJobsQueuedSince, leakIn, rowCounts } from "@/test/reliability/fuzz-helpers";
import { loadRoutes, withParams, type RouteMethod } from "@/test/reliability/route-inventory";

const BASE = "https://ringback.test";
type Ids = { leadId: string; threadId: string; webhookId: string };
type JsonSpec = { body: (ids: Ids) => Record<string, unknown>; id?: keyof Ids };

/** A valid body for every route method that reads JSON; the fuzz replaces one string at a time. */
const jsonSpecs: Record<string, JsonSpec> = {
  "PATCH /api/business": {
    body: () => ({
      name: "Bright Plumbing",
      timezone: "America/Chicago",
      autoReplyTemplate: "Sorry we missed your call! Reply here. Reply STOP to opt out.",
      greetingMessage: "Please leave a message.",
      aiInstructions: "Be brief.",
      services: "Drains, water heaters",
      serviceArea: "Springfield",
      priceList: "Call-out $90",
      bookingUrl: "https://book.example.com/bright",
      aiReplyMode: "approve",
      forwardTo: randomPhone(),
      ignoreList: [randomPhone()],
      businessHours: { mon: [{ open: "08:00", close: "17:00" }] },
    }),
  },
  "PATCH /api/leads/[id]": {
    id: "leadId",
    body: () => ({
      name: "Dana Customer",
      address: "1 Main St",
      service: "drain",
      problem: "Kitchen sink blocked",
      preferredTime: "mornings",
      notes: "Side door",
      status: "contacted",
      urgency: "normal",
    }),
  },
  "POST /api/members": {
    body: () => ({
      email: `new-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`,
      name: "Mo Member",
      password: "correct horse battery",
      role: "member",
    }),
  },
  // A wrong current password: every variant is refused, so the session under test never ends.
  "POST /api/account/password": {
    body: () => ({ currentPassword: "not the password", newPassword: "another good passphrase" }),
  },
  "PATCH /api/account/notifications": {
    body: () => ({ quietStart: "22:00", quietEnd: "07:00", phone: randomPhone(), notify: { missed_call: true } }),
  },
  "POST /api/push/subscriptions": {
    body: () => ({
      endpoint: `https://push.example.test/send/${Math.random().toString(36).slice(2)}`,
      keys: { p256dh: "BPk3mQq2AqZp0k3RzJq2bX8g9xY5", auth: "aGVsbG8td29ybGQ" },
    }),
  },
  "DELETE /api/push/subscriptions": { body: () => ({ endpoint: "https://push.example.test/send/none" }) },
  "POST /api/simulator/call": { body: () => ({ from: randomPhone(), callerName: "Sam Caller" }) },
  "POST /api/simulator/sms": { body: () => ({ from: randomPhone(), body: "Is anyone there?" }) },
  "POST /api/simulator/call-status": { body: () => ({ callId: "no-such-call", action: "answer" }) },
  "POST /api/threads/[id]/messages": { id: "threadId", body: () => ({ body: "On my way at 3" }) },
  "POST /api/threads/[id]/release": { id: "threadId", body: () => ({ now: false }) },
  "POST /api/threads/[id]/draft/send": { id: "threadId", body: () => ({ body: "See you at 3", draftId: "draft-1" }) },
  "POST /api/webhooks": { body: () => ({ url: "https://crm.example.test/hooks/ringback", events: ["lead.created"] }) },
  "PATCH /api/webhooks/[id]": { id: "webhookId", body: () => ({ url: "https://crm.example.test/hooks/other" }) },
};

/** Query parameters each GET route reads, with a valid value. */
const querySpecs: Record<string, Record<string, string>> = {
  "GET /api/leads": { q: "sink", status: "new", urgency: "normal", source: "call", from: "2026-01-01", cursor: "x" },
  "GET /api/leads/export.csv": { q: "sink", status: "new", from: "2026-01-01", to: "2026-12-31" },
  "GET /api/metrics": { from: "2026-01-01", to: "2026-01-31" },
  "GET /api/threads": { limit: "20" },
  "GET /api/simulator/conversation": { phone: "+12125550100" },
};

let routes: RouteMethod[] = [];
let cookie = "";
let businessId = "";
let ids: Ids;

const fileStartedAt = new Date();

beforeAll(async () => {
  await getBoss();
  routes = await loadRoutes();
  const owner = await createTestBusiness();
  businessId = owner.business.id;
  cookie = await sessionCookie({ userId: owner.user.id, businessId });
  const from = randomPhone();
  await postInboundSms({ from, to: owner.twilioNumber, body: "My sink is blocked" });
  const lead = await db.lead.findFirstOrThrow({ where: { businessId, phone: from }, select: { id: true } });
  const thread = await db.thread.findFirstOrThrow({ where: { businessId, leadId: lead.id }, select: { id: true } });
  const webhook = await db.webhookEndpoint.create({
    data: { businessId, url: "https://crm.example.test/hooks/a", secret: "whsec_fuzz_fuzz_fuzz", events: [] },
  });
  ids = { leadId: lead.id, threadId: thread.id, webhookId: webhook.id };
});

afterAll(async () => {
  await discardJobsQueuedSince(fileStartedAt);
  await stopBoss();
});

const key = (route: RouteMethod) => `${route.method} ${route.urlPath}`;

async function call(
  route: RouteMethod,
  { id, rawId, query = "", body }: { id?: string; rawId?: string; query?: string; body?: string },
) {
  const { urlPath: filled, context } = withParams(route, id === undefined || rawId ? "x" : id);
  // A raw id goes into the path as written (broken escapes included); the handler gets it decoded, as from Next.
  const urlPath = rawId ? route.urlPath.replace(/\[[^\]]+\]/, rawId) : filled;
  if (rawId) context.params = Promise.resolve({ [route.paramNames[0]!]: id ?? rawId });
  const request = new Request(`${BASE}${urlPath}${query}`, {
    method: route.method,
    headers: { cookie, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body,
  });
  const response = await route.handler(request, context);
  const isStream = (response.headers.get("content-type") ?? "").includes("text/event-stream");
  const text = isStream ? (await response.body?.cancel(), "") : await response.text();
  return { status: response.status, text };
}

/** Every string the business's rows hold (settings, people, leads, threads, messages, endpoints). */
async function storedStrings(): Promise<string[]> {
  const rows = await Promise.all([
    db.business.findMany({ where: { id: businessId } }),
    db.membership.findMany({ where: { businessId }, include: { user: true } }),
    db.lead.findMany({ where: { businessId } }),
    db.thread.findMany({ where: { businessId } }),
    db.message.findMany({ where: { businessId } }),
    db.webhookEndpoint.findMany({ where: { businessId } }),
    db.pushSubscription.findMany({ where: { businessId } }),
  ]);
  const strings: string[] = [];
  const collect = (value: unknown) => {
    if (typeof value === "string") strings.push(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === "object" && !(value instanceof Date)) Object.values(value).forEach(collect);
  };
  collect(rows);
  return strings;
}

/** The dotted paths of every string leaf of `value`. */
function stringPaths(value: unknown, path: string[] = []): string[][] {
  if (typeof value === "string") return [path];
  if (Array.isArray(value)) return value.flatMap((item, index) => stringPaths(item, [...path, String(index)]));
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([field, item]) => stringPaths(item, [...path, field]));
  return [];
}

function withLeaf(value: unknown, path: string[], leaf: string): unknown {
  if (path.length === 0) return leaf;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string, unknown>;
  copy[head!] = withLeaf(copy[head!], rest, leaf);
  return copy;
}

async function expectSafe(label: string, before: Record<string, number>, result: { status: number; text: string }) {
  expect(result.status, `${label} → ${result.status} ${result.text.slice(0, 160)}`).toBeLessThan(500);
  expect(leakIn(result.text), `${label} leaked internals`).toBeNull();
  if (result.status >= 400) {
    expect(await rowCounts(), `${label} refused but wrote rows`).toEqual(before);
  } else {
    expect((await storedStrings()).find(hasUnsafeText), `${label} stored unsafe text`).toBeUndefined();
  }
}

describe("every byte answered: each field of the app API", () => {
  it("has a JSON spec for every route that reads a JSON body", () => {
    // Every method (but GET) of a file that calls readJson, except the ones that read no body at all.
    const readsNoBody = new Set(["DELETE /api/webhooks/[id]"]);
    const readsJson = routes.filter(
      (route) => route.method !== "GET" && readFileSync(route.file, "utf8").includes("readJson("),
    );
    const missing = readsJson.map(key).filter((name) => !(name in jsonSpecs) && !readsNoBody.has(name));
    expect(missing).toEqual([]);
  });

  it("JSON bodies: hostile bytes and repeated keys in every string field → 2xx or 4xx, never stored", async () => {
    for (const route of routes) {
      const spec = jsonSpecs[key(route)];
      if (!spec) continue;
      const id = spec.id ? ids[spec.id] : undefined;
      const sample = spec.body(ids);
      for (const path of stringPaths(sample)) {
        for (const fieldCase of fieldCases) {
          if (!fieldCase.json) continue;
          const body = spec.body(ids);
          const base = String(path.reduce<unknown>((value, part) => (value as Record<string, unknown>)[part], body));
          const label = `${key(route)} ${path.join(".")} [${fieldCase.name}]`;
          const before = await rowCounts();
          const result = await call(route, { id, body: JSON.stringify(withLeaf(body, path, fieldCase.json(base))) });
          await expectSafe(label, before, result);
          if (fieldCase.name !== "over-long") expect(result.status, `${label} must be refused`).toBe(400);
        }
      }
      for (const field of Object.keys(sample)) {
        const body = spec.body(ids);
        const text = JSON.stringify(body);
        const repeated = `${text.slice(0, -1)},${JSON.stringify(field)}:${JSON.stringify(body[field])}}`;
        const label = `${key(route)} ${field} [duplicate key]`;
        const before = await rowCounts();
        const result = await call(route, { id, body: repeated });
        await expectSafe(label, before, result);
        expect(result.status, `${label} must be refused`).toBe(400);
      }
    }
  }, 120_000);

  it("query strings: hostile bytes in every parameter → 2xx or 4xx", async () => {
    for (const route of routes) {
      const spec = querySpecs[key(route)];
      if (!spec) continue;
      for (const param of Object.keys(spec)) {
        for (const fieldCase of fieldCases) {
          const query = `?${Object.entries(spec)
            .map(([name, value]) => `${name}=${name === param ? fieldCase.raw(value) : encodeURIComponent(value)}`)
            .join("&")}`;
          const before = await rowCounts();
          await expectSafe(`${key(route)} ?${param} [${fieldCase.name}]`, before, await call(route, { query }));
        }
        const repeated = `?${param}=${encodeURIComponent(spec[param]!)}&${param}=%00`;
        const before = await rowCounts();
        await expectSafe(`${key(route)} ?${param} [duplicate key]`, before, await call(route, { query: repeated }));
      }
    }
  });

  it("path ids: hostile bytes in every [id] of every route → 2xx or 4xx", async () => {
    for (const route of routes.filter((candidate) => candidate.paramNames.length > 0)) {
      if (route.urlPath.startsWith("/api/auth/")) continue; // next-auth's own router, fuzzed in fuzz-routes
      for (const fieldCase of fieldCases) {
        const before = await rowCounts();
        const hasBody = route.method !== "GET" && route.method !== "DELETE";
        const result = await call(route, {
          id: fieldCase.json?.(ids.leadId),
          rawId: fieldCase.raw(ids.leadId),
          body: hasBody ? "{}" : undefined,
        });
        await expectSafe(`${key(route)} [id ${fieldCase.name}]`, before, result);
      }
    }
  });
});
