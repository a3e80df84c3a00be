// The single follow-up to a customer who never answered the auto-SMS: scheduled with the auto-SMS when the business
// turned it on, sent once, only in the customer's daytime (8:00–20:00 where their number is), never after a reply or
// STOP. No clock is faked: the customer's number is chosen, at run time, in a country where it is day (or night) now.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as voice } from "@/app/api/twilio/voice/route";
import { runFollowUp } from "@/lib/conversations/follow-up";
import { customerTimeZones } from "@/lib/conversations/customer-time-zones";
import { secondsUntilSendingWindow } from "@/lib/conversations/sending-window";
import { db } from "@/lib/db/client";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { createTestBusiness, randomPhone } from "@/test/helpers/business";
import { leaveNoWorkBehind } from "@/test/helpers/leave-no-work-behind";
import { callSid, signedTwilioRequest } from "@/test/helpers/twilio";

const fileStartedAt = new Date();

beforeAll(async () => {
  await getBoss();
});

afterAll(async () => {
  await leaveNoWorkBehind(fileStartedAt);
  await stopBoss();
});

/** Numbers spread around the world (valid, geographic), so that at any hour some are in daytime and some at night. */
const worldNumbers = [
  "+12125550147", // New York
  "+14155550132", // San Francisco
  "+442079460958", // London
  "+33142685300", // Paris
  "+81332101234", // Tokyo
  "+61292501234", // Sydney
  "+6563321234", // Singapore
  "+5511312345678", // São Paulo
];

/** A number where it is (for the next half hour) daytime, or night, for every zone it may be in. */
async function numberWhereItIs(time: "day" | "night"): Promise<string> {
  const now = Date.now();
  for (const phone of worldNumbers) {
    const zones = await customerTimeZones(phone);
    if (zones.length === 0) continue;
    const waits = [0, 30].map((minutes) => secondsUntilSendingWindow(new Date(now + minutes * 60_000), zones));
    if (time === "day" && waits.every((wait) => wait === 0)) return phone;
    if (time === "night" && waits.every((wait) => wait !== null && wait > 30 * 60)) return phone;
  }
  throw new Error(`no test number is in ${time}time now: widen the list`);
}

/** A lead who got the auto-SMS and never answered, with the business's follow-up on. */
async function silentCustomer(phone: string, overrides: Parameters<typeof createTestBusiness>[0] = {}) {
  const owner = await createTestBusiness({ followUpEnabled: true, ...overrides });
  // A unique number per test: the world list is short, so the lead is made unique by business, not by number.
  const lead = await db.lead.create({ data: { businessId: owner.business.id, phone } });
  const thread = await db.thread.create({ data: { businessId: owner.business.id, leadId: lead.id } });
  return { ...owner, lead, thread };
}

const followUps = (threadId: string) => db.message.findMany({ where: { threadId, purpose: "follow_up" } });

async function followUpJobs(threadId: string) {
  return db.$queryRaw<{ state: string; waitSeconds: number }[]>`
    SELECT state::text, EXTRACT(EPOCH FROM start_after - created_on)::float8 AS "waitSeconds"
    FROM pgboss.job WHERE name = 'follow-up' AND data->>'threadId' = ${threadId} ORDER BY created_on`;
}

describe("the follow-up", () => {
  it("is scheduled with the auto-SMS, after the business's delay, once per thread; not when turned off", async () => {
    const on = await createTestBusiness({ routingMode: "forwarded", followUpEnabled: true, followUpDelayMinutes: 90 });
    const off = await createTestBusiness({ routingMode: "forwarded" });
    for (const business of [on, off]) {
      const response = await voice(
        await signedTwilioRequest("/api/twilio/voice", {
          CallSid: callSid(),
          From: randomPhone(),
          To: business.twilioNumber,
        }),
      );
      expect(response.status).toBe(200);
    }
    const onThread = await db.thread.findFirstOrThrow({ where: { businessId: on.business.id } });
    const offThread = await db.thread.findFirstOrThrow({ where: { businessId: off.business.id } });
    const jobs = await followUpJobs(onThread.id);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.waitSeconds).toBeGreaterThanOrEqual(90 * 60);
    expect(jobs[0]!.waitSeconds).toBeLessThan(91 * 60);
    expect(await followUpJobs(offThread.id)).toEqual([]);
  });

  it("in the customer's daytime: sent once, in the business's name; a second run sends nothing", async () => {
    const { business, thread } = await silentCustomer(await numberWhereItIs("day"));
    await runFollowUp({ threadId: thread.id });
    const [message, ...more] = await followUps(thread.id);
    expect(more).toEqual([]);
    expect(message).toMatchObject({ direction: "outbound", authorKind: "system", status: "queued" });
    expect(message!.body).toContain(business.name);
    expect((await db.thread.findUniqueOrThrow({ where: { id: thread.id } })).followUpSentAt).toBeInstanceOf(Date);
    await runFollowUp({ threadId: thread.id }); // a retried or duplicated job
    expect(await followUps(thread.id)).toHaveLength(1);
  });

  it("at the customer's night: nothing now, the job comes back when it is 8:00 there", async () => {
    const phone = await numberWhereItIs("night");
    const { thread } = await silentCustomer(phone);
    await runFollowUp({ threadId: thread.id });
    expect(await followUps(thread.id)).toEqual([]);
    expect((await db.thread.findUniqueOrThrow({ where: { id: thread.id } })).followUpSentAt).toBeNull();
    const [job, ...more] = await followUpJobs(thread.id);
    expect(more).toEqual([]);
    const expected = secondsUntilSendingWindow(new Date(), await customerTimeZones(phone))!;
    expect(job!.waitSeconds).toBeGreaterThan(expected - 120);
    expect(job!.waitSeconds).toBeLessThanOrEqual(expected + 60);
  });

  it("never after the customer answered, after STOP, in a conversation a person holds, or once turned off", async () => {
    const phone = await numberWhereItIs("day");
    const answered = await silentCustomer(phone);
    await db.thread.update({ where: { id: answered.thread.id }, data: { firstCustomerReplyAt: new Date() } });
    const stopped = await silentCustomer(phone);
    await db.lead.update({ where: { id: stopped.lead.id }, data: { isOptedOut: true } });
    const held = await silentCustomer(phone);
    await db.thread.update({ where: { id: held.thread.id }, data: { mode: "human", holderUserId: held.user.id } });
    const turnedOff = await silentCustomer(phone, { followUpEnabled: false });
    for (const { thread } of [answered, stopped, held, turnedOff]) {
      await runFollowUp({ threadId: thread.id });
      expect(await followUps(thread.id)).toEqual([]);
      expect(await followUpJobs(thread.id)).toEqual([]);
    }
    // And the same setup without any of those is sent: the refusals above are the conditions, not an accident.
    const plain = await silentCustomer(phone);
    await runFollowUp({ threadId: plain.thread.id });
    expect(await followUps(plain.thread.id)).toHaveLength(1);
  });
});
