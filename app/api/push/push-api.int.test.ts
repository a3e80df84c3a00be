import { describe, expect, it } from "vitest";
import { GET as vapidKey } from "@/app/api/push/vapid-public-key/route";
import { DELETE as unsubscribe, GET as listDevices, POST as subscribe } from "@/app/api/push/subscriptions/route";
import { POST as testPush } from "@/app/api/push/test/route";
import { POST as opened } from "@/app/api/notifications/[id]/opened/route";
import { db } from "@/lib/db/client";
import { authedRequest, createTestBusiness, sessionCookie } from "@/test/helpers/business";
import { startPushFake } from "@/test/fakes/push-fake";

const none = {} as never;

async function member() {
  const owner = await createTestBusiness();
  return { ...owner, cookie: await sessionCookie({ userId: owner.user.id, businessId: owner.business.id }) };
}

describe("push API", () => {
  it("serves one stable VAPID public key (generated once and stored)", async () => {
    const { cookie } = await member();
    const first = await (await vapidKey(authedRequest("/api/push/vapid-public-key", { cookie }), none)).json();
    const second = await (await vapidKey(authedRequest("/api/push/vapid-public-key", { cookie }), none)).json();
    expect(first.publicKey).toMatch(/^[A-Za-z0-9_-]{80,}$/);
    expect(second.publicKey).toBe(first.publicKey);
    expect((await vapidKey(new Request("https://ringback.test/api/push/vapid-public-key"), none)).status).toBe(401);
  });

  it("registers a device (upsert by endpoint), lists it, and removes only the member's own", async () => {
    const fake = await startPushFake();
    try {
      const a = await member();
      const b = await member();
      const device = fake.subscription("/device-a");
      expect(
        (
          await subscribe(
            authedRequest("/api/push/subscriptions", { cookie: a.cookie, method: "POST", body: device }),
            none,
          )
        ).status,
      ).toBe(201);
      expect(
        (
          await subscribe(
            authedRequest("/api/push/subscriptions", { cookie: a.cookie, method: "POST", body: device }),
            none,
          )
        ).status,
      ).toBe(201);
      expect(await db.pushSubscription.count({ where: { endpoint: device.endpoint } })).toBe(1);
      const list = await (
        await listDevices(authedRequest("/api/push/subscriptions", { cookie: a.cookie }), none)
      ).json();
      expect(list.subscriptions).toHaveLength(1);
      const bad = await subscribe(
        authedRequest("/api/push/subscriptions", {
          cookie: a.cookie,
          method: "POST",
          body: { endpoint: "not a url", keys: device.keys },
        }),
        none,
      );
      expect(bad.status).toBe(422);

      // Business B cannot remove A's device.
      const removedByB = await (
        await unsubscribe(
          authedRequest("/api/push/subscriptions", {
            cookie: b.cookie,
            method: "DELETE",
            body: { endpoint: device.endpoint },
          }),
          none,
        )
      ).json();
      expect(removedByB).toEqual({ removed: 0 });
      expect(await db.pushSubscription.count({ where: { endpoint: device.endpoint } })).toBe(1);
      const removed = await (
        await unsubscribe(
          authedRequest("/api/push/subscriptions", {
            cookie: a.cookie,
            method: "DELETE",
            body: { endpoint: device.endpoint },
          }),
          none,
        )
      ).json();
      expect(removed).toEqual({ removed: 1 });
    } finally {
      await fake.close();
    }
  });

  it("posting someone else's endpoint (same or another business) is refused and the device stays theirs", async () => {
    const fake = await startPushFake();
    try {
      const a = await member();
      const b = await member();
      const teammate = await db.user.create({ data: { email: `t-${Date.now()}@example.test`, passwordHash: "x" } });
      await db.membership.create({ data: { userId: teammate.id, businessId: a.business.id, role: "member" } });
      const teammateCookie = await sessionCookie({ userId: teammate.id, businessId: a.business.id });
      const device = fake.subscription("/device-of-a");
      const post = (cookie: string) =>
        subscribe(authedRequest("/api/push/subscriptions", { cookie, method: "POST", body: device }), none);
      expect((await post(a.cookie)).status).toBe(201);
      const stored = await db.pushSubscription.findUniqueOrThrow({ where: { endpoint: device.endpoint } });
      for (const [who, cookie] of [
        ["another business", b.cookie],
        ["a teammate", teammateCookie],
      ] as const) {
        const response = await post(cookie);
        expect(response.status, who).toBe(409);
        expect(await response.json(), who).toMatchObject({ error: { code: "conflict" } });
      }
      expect(await db.pushSubscription.findUniqueOrThrow({ where: { endpoint: device.endpoint } })).toEqual(stored);
      // The owner of the device re-registering it is fine (a browser re-subscribes).
      expect((await post(a.cookie)).status).toBe(201);
    } finally {
      await fake.close();
    }
  });

  it("the test button creates a test notification for this member only", async () => {
    const { cookie, user, business } = await member();
    const response = await testPush(authedRequest("/api/push/test", { cookie, method: "POST" }), none);
    expect(response.status).toBe(202);
    const { notificationId } = await response.json();
    expect(await db.notification.findUniqueOrThrow({ where: { id: notificationId } })).toMatchObject({
      kind: "test",
      userId: user.id,
      businessId: business.id,
    });
  });

  it("records the tap on a notification once; another business's notification is 404", async () => {
    const a = await member();
    const b = await member();
    const notification = await db.notification.create({
      data: {
        businessId: a.business.id,
        userId: a.user.id,
        kind: "missed_call",
        title: "Missed call",
        body: "(415) 555-0100",
      },
    });
    const ctx = { params: Promise.resolve({ id: notification.id }) };
    expect(
      (
        await opened(
          authedRequest(`/api/notifications/${notification.id}/opened`, { cookie: b.cookie, method: "POST" }),
          ctx,
        )
      ).status,
    ).toBe(404);
    expect((await db.notification.findUniqueOrThrow({ where: { id: notification.id } })).openedAt).toBeNull();
    const first = await (
      await opened(
        authedRequest(`/api/notifications/${notification.id}/opened`, { cookie: a.cookie, method: "POST" }),
        ctx,
      )
    ).json();
    const again = await (
      await opened(
        authedRequest(`/api/notifications/${notification.id}/opened`, { cookie: a.cookie, method: "POST" }),
        ctx,
      )
    ).json();
    expect(first.openedAt).toBeTruthy();
    expect(again.openedAt).toBe(first.openedAt);
  });
});
