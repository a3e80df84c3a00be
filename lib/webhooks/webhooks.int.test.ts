import { afterEach, describe, expect, it } from "vitest";
import { GET as listDeliveries } from "@/app/api/webhooks/[id]/deliveries/route";
import { DELETE, PATCH } from "@/app/api/webhooks/[id]/route";
import { POST as sendTest } from "@/app/api/webhooks/[id]/test/route";
import { GET, POST } from "@/app/api/webhooks/route";
import { db } from "@/lib/db/client";
import { deliverWebhookJob } from "@/lib/webhooks/deliver-webhook-job";
import { signWebhookBody, verifyWebhookSignature } from "@/lib/webhooks/sign-webhook";
import { startWebhookReceiver } from "@/test/fakes/webhook-receiver";
import { authedRequest, createTestBusiness, sessionCookie } from "@/test/helpers/business";

const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const receivers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
});

async function ownerWithEndpoint(failFirst = 0) {
  const receiver = await startWebhookReceiver({ failFirst });
  receivers.push(receiver);
  const owner = await createTestBusiness();
  const cookie = await sessionCookie({ userId: owner.user.id, businessId: owner.business.id });
  const created = await POST(
    authedRequest("/api/webhooks", { cookie, method: "POST", body: { url: receiver.url } }),
    {} as never,
  );
  expect(created.status).toBe(201);
  const endpoint = (await created.json()) as { id: string; secret: string };
  return { owner, cookie, receiver, endpoint };
}

describe("webhook signatures", () => {
  it("verifies its own signature and refuses altered bodies, other secrets and stale timestamps", () => {
    const now = Date.now();
    const timestamp = Math.floor(now / 1000);
    const header = signWebhookBody({ secret: "whsec_a", body: '{"a":1}', timestamp });
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature({ secret: "whsec_a", body: '{"a":1}', header, now })).toBe(true);
    expect(verifyWebhookSignature({ secret: "whsec_a", body: '{"a":2}', header, now })).toBe(false);
    expect(verifyWebhookSignature({ secret: "whsec_b", body: '{"a":1}', header, now })).toBe(false);
    expect(verifyWebhookSignature({ secret: "whsec_a", body: '{"a":1}', header, now: now + 600_000 })).toBe(false);
    expect(verifyWebhookSignature({ secret: "whsec_a", body: '{"a":1}', header: null, now })).toBe(false);
  });
});

describe("/api/webhooks", () => {
  it("creates an endpoint showing the secret once, lists without it, owner only, other business 404", async () => {
    const { owner, cookie, endpoint } = await ownerWithEndpoint();
    expect(endpoint.secret).toMatch(/^whsec_[0-9a-f]{64}$/);
    const listed = await (await GET(authedRequest("/api/webhooks", { cookie }), {} as never)).json();
    expect(listed.endpoints).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain(endpoint.secret);

    const member = await db.user.create({ data: { email: `m-${Date.now()}@example.test`, passwordHash: "x" } });
    await db.membership.create({ data: { userId: member.id, businessId: owner.business.id, role: "member" } });
    const memberCookie = await sessionCookie({ userId: member.id, businessId: owner.business.id });
    expect((await GET(authedRequest("/api/webhooks", { cookie: memberCookie }), {} as never)).status).toBe(403);

    const other = await createTestBusiness();
    const otherCookie = await sessionCookie({ userId: other.user.id, businessId: other.business.id });
    const patch = await PATCH(
      authedRequest(`/api/webhooks/${endpoint.id}`, {
        cookie: otherCookie,
        method: "PATCH",
        body: { isActive: false },
      }),
      ctx(endpoint.id),
    );
    expect(patch.status).toBe(404);
    expect(
      (
        await DELETE(
          authedRequest(`/api/webhooks/${endpoint.id}`, { cookie: otherCookie, method: "DELETE" }),
          ctx(endpoint.id),
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await sendTest(
          authedRequest(`/api/webhooks/${endpoint.id}/test`, { cookie: otherCookie, method: "POST" }),
          ctx(endpoint.id),
        )
      ).status,
    ).toBe(404);
    expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).isActive).toBe(true);

    const bad = await POST(
      authedRequest("/api/webhooks", { cookie, method: "POST", body: { url: "ftp://x" } }),
      {} as never,
    );
    expect(bad.status).toBe(422);
    const rotated = await (
      await PATCH(
        authedRequest(`/api/webhooks/${endpoint.id}`, { cookie, method: "PATCH", body: { rotateSecret: true } }),
        ctx(endpoint.id),
      )
    ).json();
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(endpoint.secret);
    expect(
      (await DELETE(authedRequest(`/api/webhooks/${endpoint.id}`, { cookie, method: "DELETE" }), ctx(endpoint.id)))
        .status,
    ).toBe(204);
  });

  it("sends a signed test event the receiver can verify, and logs the delivery", async () => {
    const { cookie, receiver, endpoint } = await ownerWithEndpoint();
    const queued = await sendTest(
      authedRequest(`/api/webhooks/${endpoint.id}/test`, { cookie, method: "POST" }),
      ctx(endpoint.id),
    );
    expect(queued.status).toBe(202);
    const { id: deliveryId, eventId } = await queued.json();
    await deliverWebhookJob({ deliveryId }, { retryCount: 0, retryLimit: 8 });
    expect(receiver.received).toHaveLength(1);
    const request = receiver.received[0]!;
    expect(request.headers["ringback-event-id"]).toBe(eventId);
    expect(
      verifyWebhookSignature({
        secret: endpoint.secret,
        body: request.body,
        header: String(request.headers["ringback-signature"]),
      }),
    ).toBe(true);
    expect(JSON.parse(request.body)).toMatchObject({ id: eventId, type: "webhook.test" });
    const log = await (
      await listDeliveries(authedRequest(`/api/webhooks/${endpoint.id}/deliveries`, { cookie }), ctx(endpoint.id))
    ).json();
    expect(log.deliveries[0]).toMatchObject({ status: "succeeded", attempts: 1, lastStatusCode: 200 });
  });

  it("retries failures (recording each status code), succeeds later, and fails after the last retry", async () => {
    const { cookie, receiver, endpoint } = await ownerWithEndpoint(2);
    const { id: deliveryId } = await (
      await sendTest(authedRequest(`/api/webhooks/${endpoint.id}/test`, { cookie, method: "POST" }), ctx(endpoint.id))
    ).json();
    await expect(deliverWebhookJob({ deliveryId }, { retryCount: 0, retryLimit: 3 })).rejects.toThrow(/HTTP 500/);
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } })).toMatchObject({
      status: "pending",
      attempts: 1,
      lastStatusCode: 500,
    });
    await expect(deliverWebhookJob({ deliveryId }, { retryCount: 1, retryLimit: 3 })).rejects.toThrow();
    await deliverWebhookJob({ deliveryId }, { retryCount: 2, retryLimit: 3 });
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } })).toMatchObject({
      status: "succeeded",
      attempts: 3,
      lastStatusCode: 200,
    });
    // the same event id on every attempt: the receiver's dedupe key
    expect(new Set(receiver.received.map((request) => request.headers["ringback-event-id"])).size).toBe(1);
    // a retried job for an already delivered event sends nothing
    await deliverWebhookJob({ deliveryId }, { retryCount: 3, retryLimit: 3 });
    expect(receiver.received).toHaveLength(3);

    receiver.failNext(5);
    const { id: second } = await (
      await sendTest(authedRequest(`/api/webhooks/${endpoint.id}/test`, { cookie, method: "POST" }), ctx(endpoint.id))
    ).json();
    await expect(deliverWebhookJob({ deliveryId: second }, { retryCount: 0, retryLimit: 1 })).rejects.toThrow();
    await deliverWebhookJob({ deliveryId: second }, { retryCount: 1, retryLimit: 1 });
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: second } })).toMatchObject({
      status: "failed",
      attempts: 2,
      lastStatusCode: 500,
    });
  });

  it("records a connection error when the receiver is gone", async () => {
    const { cookie, receiver, endpoint } = await ownerWithEndpoint();
    await receiver.close();
    receivers.length = 0;
    const { id: deliveryId } = await (
      await sendTest(authedRequest(`/api/webhooks/${endpoint.id}/test`, { cookie, method: "POST" }), ctx(endpoint.id))
    ).json();
    await expect(deliverWebhookJob({ deliveryId }, { retryCount: 0, retryLimit: 3 })).rejects.toThrow();
    const delivery = await db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } });
    expect(delivery.lastStatusCode).toBeNull();
    expect(delivery.lastError).toBeTruthy();
  });
});
