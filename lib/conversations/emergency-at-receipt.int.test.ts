// Emergencies at receipt: the deterministic check runs on every inbound text as it arrives (English and Spanish),
// so the urgent push goes out inside the human-priority window and while the professional is available in hours
// (when the AI never runs), with the fixed safety advice; the AI's later turn neither doubles the alert nor the advice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { stopBoss } from "@/lib/jobs/boss";
import { startWorker } from "@/lib/jobs/worker";
import type { BusinessHours } from "@/lib/business/business-hours";
import { startPushFake, type PushFake } from "@/test/fakes/push-fake";
import { createTestBusiness, randomPhone } from "@/test/helpers/business";
import { aiReplies, postInboundSms, threadOf } from "@/test/helpers/inbound-sms";
import { waitFor } from "@/test/helpers/wait";

let push: PushFake;

beforeAll(async () => {
  delete process.env.OPENAI_API_KEY;
  resetEnvForTests();
  push = await startPushFake();
  await startWorker({ pollingIntervalSeconds: 0.5 });
  // Warm the process as a running server is (language detection loaded, the queue's workers polling, push keys).
  const warm = await createTestBusiness();
  const { sid } = await postInboundSms({ from: randomPhone(), to: warm.twilioNumber, body: "Hello there" });
  await waitFor(() => db.message.findFirst({ where: { messageSid: sid, processedAt: { not: null } } }), {
    timeoutMs: 60_000,
  });
});

afterAll(async () => {
  await stopBoss();
  await push.close();
});

const alwaysOpen: BusinessHours = Object.fromEntries(
  ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((day) => [day, [{ open: "00:00", close: "23:59" }]]),
) as BusinessHours;

/** A business whose owner has one device at the push fake, and a customer. */
async function setup(overrides: Parameters<typeof createTestBusiness>[0] = {}) {
  // The window stays open for the whole test unless a test shortens it.
  const test = await createTestBusiness({ aiEngageDelaySeconds: 600, ...overrides });
  const path = `/device-${test.user.id}`;
  const subscription = push.subscription(path);
  await db.pushSubscription.create({
    data: {
      businessId: test.business.id,
      userId: test.user.id,
      endpoint: subscription.endpoint,
      p256dh: subscription.keys.p256dh,
      auth: subscription.keys.auth,
    },
  });
  const customer = randomPhone();
  const urgentPushes = () => push.requestsFor(path).filter((request) => request.urgency === "high");
  return { ...test, customer, urgentPushes };
}

/** A shared, loaded machine may take a while for the first job of a file (the worker, the push keys): wait for the
 *  outcome, however long it takes, rather than judge the speed here (the bench does). */
const patiently = { timeoutMs: 45_000 };

const safetyAdvice = (threadId: string) =>
  db.message.findMany({ where: { threadId, purpose: "safety_advice" }, orderBy: { createdAt: "asc" } });

describe("an emergency at receipt", () => {
  it("inside the window: the urgent push and the safety advice at once, the window still stands", async () => {
    const s = await setup();
    await postInboundSms({ from: s.customer, to: s.twilioNumber, body: "I smell gas in the basement" });
    await waitFor(() => s.urgentPushes().length === 1, patiently);
    const thread = (await threadOf({ businessId: s.business.id, phone: s.customer }))!;
    expect(await db.notification.findMany({ where: { threadId: thread.id } })).toMatchObject([
      { kind: "emergency", isUrgent: true },
    ]);
    const [advice] = await waitFor(async () => {
      const sent = await safetyAdvice(thread.id);
      return sent.length === 1 && ["sent", "delivered"].includes(sent[0]!.status) ? sent : null;
    }, patiently);
    expect(advice).toMatchObject({ authorKind: "system", direction: "outbound" });
    expect(advice!.body).toMatch(
      /leave the building.*call 911 or your gas company from outside\. We've alerted Test Plumbing Co\.$/,
    );
    // Not the AI engaging: the window is still open, the AI has not answered, the thread still waits for it.
    const after = await db.thread.findUniqueOrThrow({ where: { id: thread.id } });
    expect(after.mode).toBe("auto");
    expect(after.windowDeadline!.getTime()).toBeGreaterThan(Date.now());
    expect(await aiReplies(thread.id)).toHaveLength(0);
    expect((await db.lead.findUniqueOrThrow({ where: { id: thread.leadId } })).urgency).toBe("emergency");
    const escalation = await db.$queryRaw<{ name: string }[]>`
      SELECT name FROM pgboss.job WHERE name = 'escalate' AND data->>'notificationId' IN
        (SELECT id FROM "Notification" WHERE "threadId" = ${thread.id})`;
    expect(escalation).toHaveLength(1);
    // A second mention in the same thread: no second alert, no second advice.
    await postInboundSms({ from: s.customer, to: s.twilioNumber, body: "The gas smell is getting stronger" });
    await waitFor(
      async () => (await db.message.count({ where: { threadId: thread.id, processedAt: { not: null } } })) === 2,
      patiently,
    );
    expect(await db.notification.count({ where: { threadId: thread.id, kind: "emergency" } })).toBe(1);
    expect(await safetyAdvice(thread.id)).toHaveLength(1);
  });

  it("while the professional is available in business hours (the AI never runs): the urgent push at once", async () => {
    const s = await setup({ available: true, businessHours: alwaysOpen });
    await postInboundSms({
      from: s.customer,
      to: s.twilioNumber,
      body: "Water is pouring through the ceiling, pipe burst",
    });
    await waitFor(() => s.urgentPushes().length === 1, patiently);
    const thread = (await threadOf({ businessId: s.business.id, phone: s.customer }))!;
    const [advice] = await waitFor(async () => {
      const sent = await safetyAdvice(thread.id);
      return sent.length ? sent : null;
    }, patiently);
    expect(advice!.body).toMatch(/main water valve.*We've alerted Test Plumbing Co\.$/);
  });

  it("in Spanish: the advice in Spanish; with the setting off, the alert without the advice", async () => {
    const s = await setup();
    await postInboundSms({ from: s.customer, to: s.twilioNumber, body: "Huele a gas en la cocina" });
    const thread = await waitFor(() => threadOf({ businessId: s.business.id, phone: s.customer }), patiently);
    const [advice] = await waitFor(async () => {
      const sent = await safetyAdvice(thread.id);
      return sent.length ? sent : null;
    }, patiently);
    expect(advice!.body).toMatch(/^Salga del edificio ahora.*Ya avisamos a Test Plumbing Co\.$/);
    await waitFor(() => s.urgentPushes().length === 1, patiently);

    const off = await setup({ emergencyAdvice: false });
    await postInboundSms({
      from: off.customer,
      to: off.twilioNumber,
      body: "There are sparks coming out of the outlet",
    });
    await waitFor(() => off.urgentPushes().length === 1, patiently);
    const offThread = (await threadOf({ businessId: off.business.id, phone: off.customer }))!;
    await waitFor(
      async () => (await db.message.count({ where: { threadId: offThread.id, processedAt: { not: null } } })) === 1,
      patiently,
    );
    expect(await safetyAdvice(offThread.id)).toHaveLength(0);
  });

  it("the AI's later turn does not double the alert or the advice", async () => {
    {
      const s = await setup({ aiEngageDelaySeconds: 1 });
      await postInboundSms({
        from: s.customer,
        to: s.twilioNumber,
        body: "Burst pipe, water everywhere in the basement",
      });
      const thread = await waitFor(() => threadOf({ businessId: s.business.id, phone: s.customer }), patiently);
      const [reply] = await waitFor(async () => {
        const replies = await aiReplies(thread.id);
        return replies.length ? replies : null;
      }, patiently);
      expect(reply!.body).toMatch(
        /^Hi, this is Test Plumbing Co's virtual assistant\. That sounds urgent: I've alerted the team right now\. .*address/,
      );
      expect(reply!.body).not.toMatch(/main water valve/);
      expect(await db.notification.count({ where: { threadId: thread.id, kind: "emergency" } })).toBe(1);
      expect(await safetyAdvice(thread.id)).toHaveLength(1);
      expect(s.urgentPushes()).toHaveLength(1);
    }
  });
});
