import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { buildPushPayload, MAX_PUSH_PAYLOAD_BYTES } from "@/lib/notifications/push-payload";
import { registerPushSubscription } from "@/lib/notifications/push-subscriptions";
import { sendPushJob } from "@/lib/notifications/send-push-job";
import { createTestBusiness } from "@/test/helpers/business";
import { startPushFake, type PushFake } from "@/test/fakes/push-fake";

let fake: PushFake;
beforeAll(async () => {
  fake = await startPushFake();
});
afterAll(() => fake.close());

let deviceCount = 0;
async function setup(
  kind: "missed_call" | "customer_reply" | "emergency" | "ai_handoff" = "missed_call",
  title = "Dana (415) 555-0100 — missed call",
) {
  const { business, user } = await createTestBusiness();
  const lead = await db.lead.create({ data: { businessId: business.id, phone: "+14155550100" } });
  const thread = await db.thread.create({ data: { businessId: business.id, leadId: lead.id } });
  const notification = await db.notification.create({
    data: {
      businessId: business.id,
      threadId: thread.id,
      userId: user.id,
      kind,
      title,
      body: "Voicemail: my basement is flooding",
      isUrgent: kind !== "customer_reply",
    },
  });
  const addDevice = async (status: number[]) => {
    const path = `/push/${++deviceCount}`;
    fake.respond(path, ...status);
    const subscription = fake.subscription(path);
    const stored = await registerPushSubscription({
      businessId: business.id,
      userId: user.id,
      endpoint: subscription.endpoint,
      ...subscription.keys,
    });
    return { path, id: stored.id };
  };
  return { business, user, thread, notification, addDevice };
}

describe("send-push job", () => {
  it("sends with TTL and Urgency, and prunes a device the push service says is gone (410)", async () => {
    const { notification, addDevice } = await setup("missed_call");
    const good = await addDevice([201]);
    const gone = await addDevice([410]);
    await sendPushJob({ notificationId: notification.id });
    const [delivered] = fake.requestsFor(good.path);
    expect(delivered).toMatchObject({ ttl: "3600", urgency: "high", encoding: "aes128gcm", hasVapid: true });
    // What the phone reads, decrypted with the device's keys: the missed call, its thread, where a tap goes.
    expect(delivered!.payload).toMatchObject({
      notificationId: notification.id,
      threadId: notification.threadId,
      kind: "missed_call",
      title: "Dana (415) 555-0100 — missed call",
      body: "Voicemail: my basement is flooding",
      url: `/inbox/${notification.threadId}`,
      urgent: true,
    });
    // its first button takes the conversation over
    expect((delivered!.payload as { actions: unknown[] }).actions[0]).toEqual({
      action: "takeover",
      title: "Take over",
    });
    expect(fake.requestsFor(gone.path)).toHaveLength(1);
    expect(await db.pushSubscription.findUnique({ where: { id: gone.id } })).toBeNull();
    expect(await db.pushSubscription.findUniqueOrThrow({ where: { id: good.id } })).toMatchObject({ failureCount: 0 });
  });

  it("uses normal urgency for a customer reply and a day-long TTL for emergencies", async () => {
    const reply = await setup("customer_reply");
    const replyDevice = await reply.addDevice([201]);
    await sendPushJob({ notificationId: reply.notification.id });
    expect(fake.requestsFor(replyDevice.path)[0]).toMatchObject({ ttl: "3600", urgency: "normal" });
    const emergency = await setup("emergency");
    const emergencyDevice = await emergency.addDevice([201]);
    await sendPushJob({ notificationId: emergency.notification.id });
    expect(fake.requestsFor(emergencyDevice.path)[0]).toMatchObject({ ttl: "86400", urgency: "high" });
    expect(fake.payloadsFor(replyDevice.path)).toEqual([
      expect.objectContaining({ kind: "customer_reply", threadId: reply.notification.threadId, urgent: false }),
    ]);
    expect(fake.payloadsFor(emergencyDevice.path)).toEqual([
      expect.objectContaining({ kind: "emergency", threadId: emergency.notification.threadId, urgent: true }),
    ]);
  });

  it("the take-over push (the AI handed the thread to a person) reads as such on the phone", async () => {
    const handoff = await setup("ai_handoff", "Dana (415) 555-0100 — needs you");
    const device = await handoff.addDevice([201]);
    await sendPushJob({ notificationId: handoff.notification.id });
    const [sent] = fake.requestsFor(device.path);
    expect(sent).toMatchObject({ hasVapid: true, decryptError: null, urgency: "high" });
    expect(sent!.payload).toMatchObject({
      notificationId: handoff.notification.id,
      threadId: handoff.notification.threadId,
      kind: "ai_handoff",
      title: "Dana (415) 555-0100 — needs you",
      body: "Voicemail: my basement is flooding",
      url: `/inbox/${handoff.notification.threadId}`,
      urgent: true,
    });
    expect((sent!.payload as { actions: unknown[] }).actions[0]).toEqual({ action: "takeover", title: "Take over" });
  });

  it("on a 5xx tries every other device, throws for a retry, and the retry only resends to the failed device", async () => {
    const { notification, addDevice } = await setup();
    const flaky = await addDevice([500, 201]);
    const good = await addDevice([201]);
    await expect(sendPushJob({ notificationId: notification.id }, { retryCount: 0 })).rejects.toThrow(/retrying/);
    expect(fake.requestsFor(good.path)).toHaveLength(1);
    expect(await db.pushSubscription.findUniqueOrThrow({ where: { id: flaky.id } })).toMatchObject({ failureCount: 1 });

    await sendPushJob({ notificationId: notification.id }, { retryCount: 1 });
    expect(fake.requestsFor(flaky.path)).toHaveLength(2);
    expect(fake.requestsFor(good.path)).toHaveLength(1); // no duplicate for the device that already had it
    expect(await db.pushSubscription.findUniqueOrThrow({ where: { id: flaky.id } })).toMatchObject({ failureCount: 0 });
  });

  it("treats 429 as retryable and keeps the device", async () => {
    const { notification, addDevice } = await setup();
    const limited = await addDevice([429]);
    await expect(sendPushJob({ notificationId: notification.id })).rejects.toThrow();
    expect(await db.pushSubscription.findUnique({ where: { id: limited.id } })).not.toBeNull();
  });

  it("fits the payload in 3,993 bytes with the longest names and messages", async () => {
    const longTitle = `${"Ωmega-Ünïcødé Plumbing Customer 🚿".repeat(200)} (415) 555-0100`;
    const { notification, addDevice } = await setup("emergency", longTitle);
    await db.notification.update({
      where: { id: notification.id },
      data: { body: `"quoted" \\ \u0001 ${"💧".repeat(5000)}` },
    });
    const device = await addDevice([201]);
    await sendPushJob({ notificationId: notification.id });
    const [sent] = fake.requestsFor(device.path);
    // aes128gcm: 86-byte header + plaintext + 1 delimiter + 16-byte tag ≤ 4096
    expect(sent!.bytes).toBeLessThanOrEqual(4096);
    // and the phone reads it whole: valid JSON, the title cut but still the customer's
    expect(sent!.decryptError).toBeNull();
    expect(sent!.payload).toMatchObject({ notificationId: notification.id, kind: "emergency", urgent: true });
    expect((sent!.payload as { title: string }).title).toContain("Ωmega");
    const payload = buildPushPayload({
      notificationId: notification.id,
      threadId: notification.threadId,
      kind: "emergency",
      title: longTitle,
      body: "\u0001".repeat(10_000),
      url: `/inbox/${notification.threadId}`,
      urgent: true,
    });
    expect(Buffer.byteLength(payload)).toBeLessThanOrEqual(MAX_PUSH_PAYLOAD_BYTES);
    expect(JSON.parse(payload)).toMatchObject({
      notificationId: notification.id,
      threadId: notification.threadId,
      kind: "emergency",
      urgent: true,
    });
    expect(JSON.parse(payload).title).toContain("Ωmega");
  });
});
