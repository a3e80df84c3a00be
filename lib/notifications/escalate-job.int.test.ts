import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getBoss } from "@/lib/jobs/boss";
import { escalateJob } from "@/lib/notifications/escalate-job";
import { createTestBusiness, randomPhone } from "@/test/helpers/business";

beforeAll(async () => {
  await getBoss();
});

async function urgentNotification({
  kind = "missed_call",
  mode = "auto",
  emergencyCallEnabled = false,
}: { kind?: "missed_call" | "emergency"; mode?: "auto" | "human"; emergencyCallEnabled?: boolean } = {}) {
  const owner = await createTestBusiness({ emergencyCallEnabled });
  const lead = await db.lead.create({ data: { businessId: owner.business.id, phone: randomPhone() } });
  const thread = await db.thread.create({ data: { businessId: owner.business.id, leadId: lead.id, mode } });
  const notification = await db.notification.create({
    data: {
      businessId: owner.business.id,
      threadId: thread.id,
      userId: owner.user.id,
      kind,
      isUrgent: true,
      title: "missed call from (415) 555-0100",
      body: "Voicemail 0:12",
    },
  });
  return { ...owner, lead, thread, notification };
}

describe("escalate job", () => {
  it("texts the member's phone with a link to the thread, once", async () => {
    const { notification, thread, ownerPhone } = await urgentNotification();
    await escalateJob({ notificationId: notification.id });
    await escalateJob({ notificationId: notification.id });
    const messages = await db.message.findMany({ where: { threadId: thread.id, purpose: "escalation" } });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ toNumber: ownerPhone, status: "queued", authorKind: "system" });
    expect(messages[0]!.body).toBe(
      `Ringback: missed call from (415) 555-0100 — open https://ringback.test/inbox/${thread.id}`,
    );
    expect((await db.notification.findUniqueOrThrow({ where: { id: notification.id } })).escalatedAt).toBeInstanceOf(
      Date,
    );
    // The escalation SMS is not part of the customer conversation's preview.
    expect((await db.thread.findUniqueOrThrow({ where: { id: thread.id } })).lastMessagePreview).toBe("");
  });

  it("does nothing once the notification was opened or the thread taken over", async () => {
    const opened = await urgentNotification();
    await db.notification.update({ where: { id: opened.notification.id }, data: { openedAt: new Date() } });
    await escalateJob({ notificationId: opened.notification.id });
    const taken = await urgentNotification({ mode: "human" });
    await escalateJob({ notificationId: taken.notification.id });
    expect(await db.message.count({ where: { threadId: { in: [opened.thread.id, taken.thread.id] } } })).toBe(0);
  });

  it("also rings the professional for an emergency (recorded as an event in simulator mode)", async () => {
    const { notification, thread } = await urgentNotification({ kind: "emergency", emergencyCallEnabled: true });
    await escalateJob({ notificationId: notification.id });
    const call = await db.event.findFirstOrThrow({
      where: { threadId: thread.id, type: "notification.emergency_call" },
    });
    expect(call.payload).toMatchObject({ simulated: true, callSid: null });
    expect(await db.message.count({ where: { threadId: thread.id, purpose: "escalation" } })).toBe(1);
  });
});
