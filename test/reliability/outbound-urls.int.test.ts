// The outbound address rule for URLs users give the server (push endpoints: any member; CRM webhooks: owners).
// Probed as the review did: loopback, private, link-local, metadata, unique-local, decimal and mapped forms,
// localhost, http, a redirect to another local URL, and a name that resolves to a public address when saved and to
// loopback when called (DNS rebinding). Local targets are real servers on 127.0.0.1 that must receive NOTHING.
import { createECDH, randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo, LookupFunction } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as subscribe } from "@/app/api/push/subscriptions/route";
import { POST as testPush } from "@/app/api/push/test/route";
import { PATCH as patchWebhook } from "@/app/api/webhooks/[id]/route";
import { POST as createWebhook } from "@/app/api/webhooks/route";
import { db } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { sendPushJob } from "@/lib/notifications/send-push-job";
import { findOutboundUrlProblem } from "@/lib/outbound/outbound-url-rule";
import { OutboundBlockedError, postOutbound } from "@/lib/outbound/post-outbound";
import { deliverWebhookJob } from "@/lib/webhooks/deliver-webhook-job";
import { authedRequest, createTestBusiness, sessionCookie } from "@/test/helpers/business";
import { leaveNoWorkBehind } from "@/test/helpers/leave-no-work-behind";

const fileStartedAt = new Date();

const none = {} as never;

/** A local server that records every request and answers `status` (with `location` for a redirect). */
async function localTarget(status = 201, location?: string) {
  const hits: string[] = [];
  const server: Server = createServer((request, response) => {
    hits.push(`${request.method} ${request.url}`);
    request.resume();
    request.on("end", () => response.writeHead(status, location ? { location } : {}).end());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  servers.push(server);
  return { port, hits, url: (path = "/hook") => `http://127.0.0.1:${port}${path}` };
}
const servers: Server[] = [];

function setSwitch(value: "true" | "false") {
  vi.stubEnv("ALLOW_PRIVATE_OUTBOUND_URLS", value);
  resetEnvForTests();
}

beforeAll(async () => {
  await getBoss();
});
afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvForTests();
});
afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  await leaveNoWorkBehind(fileStartedAt);
  await stopBoss();
});

async function memberOf() {
  const owner = await createTestBusiness();
  const user = await db.user.create({ data: { email: `m-${Date.now()}@example.test`, passwordHash: "x" } });
  await db.membership.create({ data: { userId: user.id, businessId: owner.business.id, role: "member" } });
  return {
    owner,
    ownerCookie: await sessionCookie({ userId: owner.user.id, businessId: owner.business.id }),
    memberId: user.id,
    memberCookie: await sessionCookie({ userId: user.id, businessId: owner.business.id }),
  };
}

// Real P-256 keys, as a browser sends them, so web-push can encrypt for the device.
const ecdh = createECDH("prime256v1");
ecdh.generateKeys();
const keys = { p256dh: ecdh.getPublicKey().toString("base64url"), auth: randomBytes(16).toString("base64url") };

function hostileUrls(port: number) {
  return [
    `http://127.0.0.1:${port}/hook`,
    `https://127.0.0.1:${port}/hook`,
    `https://[::1]:${port}/hook`,
    `https://0.0.0.0:${port}/hook`,
    "https://169.254.169.254/latest/meta-data/",
    "https://10.0.0.1/hook",
    "https://192.168.1.10/hook",
    "https://172.16.0.1/hook",
    "https://100.64.0.1/hook",
    `https://2130706433:${port}/hook`,
    `https://0x7f.1:${port}/hook`,
    `https://localhost:${port}/hook`,
    "https://[fd00::1]/hook",
    "https://[fe80::1]/hook",
    `https://[::ffff:127.0.0.1]:${port}/hook`,
    "https://user:secret@example.com/hook",
  ];
}

describe("outbound URLs: refused when saved (ALLOW_PRIVATE_OUTBOUND_URLS=false, the default)", () => {
  it("push endpoints (any member): every loopback/private/metadata/local form and http → 422, nothing stored", async () => {
    setSwitch("false");
    const target = await localTarget();
    const { memberCookie, memberId } = await memberOf();
    for (const endpoint of hostileUrls(target.port)) {
      const response = await subscribe(
        authedRequest("/api/push/subscriptions", { cookie: memberCookie, method: "POST", body: { endpoint, keys } }),
        none,
      );
      expect(response.status, endpoint).toBe(422);
      expect(await response.json(), endpoint).toMatchObject({ error: { details: [{ path: "endpoint" }] } });
    }
    expect(await db.pushSubscription.count({ where: { userId: memberId } })).toBe(0);
    expect(target.hits).toEqual([]);
  });

  it("CRM webhook URLs (owners), on create and on change → 422, nothing stored", async () => {
    setSwitch("false");
    const target = await localTarget();
    const { owner, ownerCookie } = await memberOf();
    for (const url of hostileUrls(target.port)) {
      const response = await createWebhook(
        authedRequest("/api/webhooks", { cookie: ownerCookie, method: "POST", body: { url } }),
        none,
      );
      expect(response.status, url).toBe(422);
    }
    expect(await db.webhookEndpoint.count({ where: { businessId: owner.business.id } })).toBe(0);
    const existing = await db.webhookEndpoint.create({
      data: { businessId: owner.business.id, url: "https://crm.example/hook", secret: "whsec_x", events: [] },
    });
    const patched = await patchWebhook(
      authedRequest(`/api/webhooks/${existing.id}`, {
        cookie: ownerCookie,
        method: "PATCH",
        body: { url: `https://localhost:${target.port}/hook` },
      }),
      { params: Promise.resolve({ id: existing.id }) },
    );
    expect(patched.status).toBe(422);
    expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id: existing.id } })).url).toBe(
      "https://crm.example/hook",
    );
  });

  it("a host name is judged by every address it resolves to", async () => {
    setSwitch("false");
    const resolvesTo =
      (...addresses: string[]) =>
      async () =>
        addresses.map((address) => ({ address }));
    const url = "https://crm.example/hook";
    expect(await findOutboundUrlProblem(url, { lookup: resolvesTo("93.184.215.14") })).toBeNull();
    expect(await findOutboundUrlProblem(url, { lookup: resolvesTo("2606:4700::6810:84e5") })).toBeNull();
    expect(await findOutboundUrlProblem(url, { lookup: resolvesTo("93.184.215.14", "10.1.2.3") })).toMatch(/public/);
    expect(await findOutboundUrlProblem(url, { lookup: resolvesTo("169.254.169.254") })).toMatch(/public/);
    expect(await findOutboundUrlProblem(url, { lookup: resolvesTo("::ffff:10.0.0.1") })).toMatch(/public/);
    expect(
      await findOutboundUrlProblem(url, {
        lookup: async () => {
          throw new Error("ENOTFOUND");
        },
      }),
    ).toMatch(/resolve/);
    expect(await findOutboundUrlProblem("http://crm.example/hook", { lookup: resolvesTo("93.184.215.14") })).toMatch(
      /https/,
    );
  });
});

describe("outbound URLs: refused when called (URLs stored before the rule, or a name that changed its address)", () => {
  it("a member's test push to stored loopback endpoints reaches nothing, and reports no more than 'failed'", async () => {
    setSwitch("false");
    const target = await localTarget();
    const { owner, memberId, memberCookie } = await memberOf();
    for (const endpoint of [
      target.url("/http"),
      `https://127.0.0.1:${target.port}/ip`,
      `https://localhost:${target.port}/dns`,
    ]) {
      await db.pushSubscription.create({
        data: { businessId: owner.business.id, userId: memberId, endpoint, ...keys },
      });
    }
    const queued = await testPush(authedRequest("/api/push/test", { cookie: memberCookie, method: "POST" }), none);
    expect(queued.status).toBe(202);
    const { notificationId } = (await queued.json()) as { notificationId: string };
    await sendPushJob({ notificationId });
    expect(target.hits, "nothing reached the local server").toEqual([]);
    const devices = await db.pushSubscription.findMany({ where: { userId: memberId } });
    expect(devices.every((device) => device.lastSuccessAt === null && device.failureCount === 1)).toBe(true);
  });

  it("a CRM delivery to a loopback name fails at once with a fixed message, nothing sent, no retry", async () => {
    setSwitch("false");
    const target = await localTarget(200);
    const { owner } = await memberOf();
    for (const url of [`https://localhost:${target.port}/hook`, `https://[::1]:${target.port}/hook`, target.url()]) {
      const endpoint = await db.webhookEndpoint.create({
        data: { businessId: owner.business.id, url, secret: "whsec_x", events: [] },
      });
      const delivery = await db.webhookDelivery.create({
        data: {
          businessId: owner.business.id,
          endpointId: endpoint.id,
          eventId: `evt_${endpoint.id}`,
          eventType: "webhook.test",
          payload: {},
        },
      });
      await deliverWebhookJob({ deliveryId: delivery.id }, { retryCount: 0, retryLimit: 8 });
      expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } }), url).toMatchObject({
        status: "failed",
        attempts: 1,
        lastStatusCode: null,
        lastError: "address not allowed: Ringback only calls public internet addresses",
      });
    }
    expect(target.hits).toEqual([]);
  });

  it("DNS rebinding: public when saved, loopback when called → blocked; the checked address is the one connected to", async () => {
    const target = await localTarget(200);
    const url = `https://rebind.example:${target.port}/hook`;
    setSwitch("false");
    // Saved while the name pointed at a public address…
    expect(await findOutboundUrlProblem(url, { lookup: async () => [{ address: "93.184.215.14" }] })).toBeNull();
    // …called after it moved to loopback: the connect-time check refuses it.
    let lookups = 0;
    const toLoopback: LookupFunction = (_hostname, options, callback) => {
      lookups += 1;
      if ((options as { all?: boolean }).all) callback(null, [{ address: "127.0.0.1", family: 4 }]);
      else callback(null, "127.0.0.1", 4);
    };
    const plainUrl = `http://rebind.example:${target.port}/hook`;
    setSwitch("false");
    await expect(postOutbound(url, { headers: {}, body: "{}", timeoutMs: 5000, lookup: toLoopback })).rejects.toThrow(
      OutboundBlockedError,
    );
    expect(target.hits).toEqual([]);
    // With the switch on (local testing), the same lookup is used ONCE and the socket connects to the very address it
    // returned: the check and the connection share one resolution, there is no second one to rebind.
    setSwitch("true");
    lookups = 0;
    const { status } = await postOutbound(plainUrl, { headers: {}, body: "{}", timeoutMs: 5000, lookup: toLoopback });
    expect(status).toBe(200);
    expect(lookups).toBe(1);
    expect(target.hits).toEqual(["POST /hook"]);
  });

  it("redirects are never followed (push and CRM): a 302 to another local URL reaches nothing", async () => {
    setSwitch("true"); // local targets allowed, to see what happens after the 302
    const second = await localTarget(200);
    const first = await localTarget(302, second.url("/second"));
    const { owner, memberId, memberCookie } = await memberOf();
    await db.pushSubscription.create({
      data: { businessId: owner.business.id, userId: memberId, endpoint: first.url("/push"), ...keys },
    });
    const { notificationId } = (await (
      await testPush(authedRequest("/api/push/test", { cookie: memberCookie, method: "POST" }), none)
    ).json()) as { notificationId: string };
    await sendPushJob({ notificationId });
    const endpoint = await db.webhookEndpoint.create({
      data: { businessId: owner.business.id, url: first.url("/crm"), secret: "whsec_x", events: [] },
    });
    const delivery = await db.webhookDelivery.create({
      data: {
        businessId: owner.business.id,
        endpointId: endpoint.id,
        eventId: `evt_${endpoint.id}`,
        eventType: "webhook.test",
        payload: {},
      },
    });
    await deliverWebhookJob({ deliveryId: delivery.id }, { retryCount: 8, retryLimit: 8 });
    expect(first.hits.sort()).toEqual(["POST /crm", "POST /push"]);
    expect(second.hits, "the redirect target got nothing").toEqual([]);
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({
      status: "failed",
      lastStatusCode: 302,
    });
    expect((await db.pushSubscription.findFirstOrThrow({ where: { userId: memberId } })).lastSuccessAt).toBeNull();
  });
});
