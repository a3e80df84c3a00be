// Quiet hours: a member whose quiet hours cover the present moment (in the business's time zone) is not notified of
// ordinary events; emergencies and a test notification they asked for still reach them; a member whose quiet hours
// are later today is notified. No clock is faked: each member's quiet hours are set around the real present.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localTime } from "@/lib/business/business-hours";
import { db } from "@/lib/db/client";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { notifyMembers } from "@/lib/notifications/notify-members";
import { createTestBusiness, randomPhone } from "@/test/helpers/business";
import { leaveNoWorkBehind } from "@/test/helpers/leave-no-work-behind";

const fileStartedAt = new Date();
beforeAll(async () => {
  await getBoss();
});
afterAll(async () => {
  await leaveNoWorkBehind(fileStartedAt);
  await stopBoss();
});

const HOUR = 3_600_000;
const timeZone = "America/Los_Angeles";
/** "HH:MM" in the business's time zone, `hours` from now. */
const at = (hours: number) => localTime(new Date(Date.now() + hours * HOUR), timeZone).time;

async function businessWithQuietMembers() {
  const owner = await createTestBusiness({ timezone: timeZone });
  const member = async (name: string, quietStart: string | null, quietEnd: string | null) => {
    const user = await db.user.create({
      data: { email: `${name}-${randomPhone()}@example.test`, name, passwordHash: "not-a-real-hash" },
    });
    await db.membership.create({
      data: { userId: user.id, businessId: owner.business.id, role: "member", quietStart, quietEnd },
    });
    return user.id;
  };
  const users = {
    owner: owner.user.id, // no quiet hours
    // Quiet from an hour ago to an hour from now (a window that crosses midnight when the clock says so).
    sleeping: await member("sleeping", at(-1), at(1)),
    // Quiet nearly all day: from an hour ago round to two hours ago, always crossing midnight.
    nightShift: await member("night-shift", at(-1), at(-2)),
    // Quiet later today: from two to three hours from now.
    later: await member("later", at(2), at(3)),
  };
  const lead = await db.lead.create({ data: { businessId: owner.business.id, phone: randomPhone() } });
  const thread = await db.thread.create({ data: { businessId: owner.business.id, leadId: lead.id } });
  return { business: owner.business, thread, users };
}

async function notifiedUsers(input: Parameters<typeof notifyMembers>[0]) {
  const created = await notifyMembers(input);
  return created.map((row) => row.userId).sort();
}

describe("notifyMembers and quiet hours", () => {
  it("skips members in their quiet hours for ordinary events; the rest are notified", async () => {
    const { business, thread, users } = await businessWithQuietMembers();
    const notified = await notifiedUsers({
      businessId: business.id,
      threadId: thread.id,
      kind: "customer_reply",
      title: "Dana replied",
      body: "Is tomorrow OK?",
    });
    expect(notified).toEqual([users.owner, users.later].sort());
    const stored = await db.notification.findMany({ where: { threadId: thread.id }, select: { userId: true } });
    expect(stored.map((row) => row.userId).sort()).toEqual([users.owner, users.later].sort());
  });

  it("an emergency and a test notification reach everyone, quiet hours or not", async () => {
    const { business, thread, users } = await businessWithQuietMembers();
    const everyone = Object.values(users).sort();
    expect(
      await notifiedUsers({
        businessId: business.id,
        threadId: thread.id,
        kind: "emergency",
        title: "Burst pipe",
        body: "Water everywhere",
      }),
    ).toEqual(everyone);
    expect(
      await notifiedUsers({
        businessId: business.id,
        threadId: null,
        kind: "test",
        title: "Test",
        body: "A test notification",
        userId: users.sleeping,
      }),
    ).toEqual([users.sleeping]);
  });
});

describe("notifyMembers and devices", () => {
  it("queues a push job only for a member with a device, in the same statement as the notifications", async () => {
    const owner = await createTestBusiness();
    const withDevice = await db.user.create({
      data: { email: `device-${randomPhone()}@example.test`, name: "Has A Phone", passwordHash: "not-a-real-hash" },
    });
    await db.membership.create({ data: { userId: withDevice.id, businessId: owner.business.id, role: "member" } });
    await db.pushSubscription.create({
      data: {
        businessId: owner.business.id,
        userId: withDevice.id,
        endpoint: `https://push.example.test/${randomPhone()}`,
        p256dh: "p256dh-key",
        auth: "auth-secret",
      },
    });
    const created = await notifyMembers({
      businessId: owner.business.id,
      threadId: null,
      kind: "customer_reply",
      title: "Dana replied",
      body: "Is tomorrow OK?",
    });
    expect(created.map((row) => row.userId).sort()).toEqual([owner.user.id, withDevice.id].sort());
    const jobs = await db.$queryRaw<{ notificationId: string }[]>`
      SELECT data->>'notificationId' AS "notificationId" FROM pgboss.job
      WHERE name = 'send-push' AND data->>'notificationId' = ANY(${created.map((row) => row.id)})`;
    const pushed = created.find((row) => row.userId === withDevice.id)!;
    expect(jobs.map((job) => job.notificationId)).toEqual([pushed.id]);
    expect(await db.notification.count({ where: { id: { in: created.map((row) => row.id) } } })).toBe(2);
  });
});
