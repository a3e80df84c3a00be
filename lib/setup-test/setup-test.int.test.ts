// "Test my setup" end to end: the real signed webhooks, the send job (which never hands the test caller's text to
// Twilio), the notification, and the test conversation kept out of the inbox, the leads list and the metrics.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as leadsRoute } from "@/app/api/leads/route";
import { POST as setupTestRoute } from "@/app/api/setup-test/route";
import { GET as threadsRoute } from "@/app/api/threads/route";
import { db } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { stopBoss } from "@/lib/jobs/boss";
import { startWorker } from "@/lib/jobs/worker";
import { getLeadMetrics } from "@/lib/metrics/lead-metrics";
import { registerPushSubscription } from "@/lib/notifications/push-subscriptions";
import { startPushFake, type PushFake } from "@/test/fakes/push-fake";
import { startTwilioFake, type TwilioFake } from "@/test/fakes/twilio-fake";
import { authedRequest, createTestBusiness, sessionCookie } from "@/test/helpers/business";

const noContext = {} as never;
type Result = {
  ok: boolean;
  caller: string;
  callSid: string;
  steps: { key: string; ok: boolean; isWarning?: boolean; ms: number; detail: string }[];
};

let pushFake: PushFake;
let deviceCount = 0;

beforeAll(async () => {
  pushFake = await startPushFake();
  await startWorker({ pollingIntervalSeconds: 0.5 });
});

afterAll(async () => {
  await stopBoss();
  await pushFake.close();
});

/** A phone of `userId` with notifications on (its pushes land in the local push fake). */
async function addDevice(businessId: string, userId: string) {
  const { endpoint, keys } = pushFake.subscription(`/setup-test/${++deviceCount}`);
  await registerPushSubscription({ businessId, userId, endpoint, ...keys, userAgent: "Mozilla/5.0 (iPhone) Safari" });
}

async function runFor(overrides: Parameters<typeof createTestBusiness>[0] = {}, { withDevice = true } = {}) {
  const test = await createTestBusiness(overrides);
  if (withDevice) await addDevice(test.business.id, test.user.id);
  const cookie = await sessionCookie({ userId: test.user.id, businessId: test.business.id });
  const response = await setupTestRoute(authedRequest("/api/setup-test", { cookie, method: "POST" }), noContext);
  return { ...test, cookie, response, result: (await response.json()) as Result };
}

async function expectHiddenEverywhere({
  cookie,
  businessId,
  caller,
}: {
  cookie: string;
  businessId: string;
  caller: string;
}) {
  const threads = await (await threadsRoute(authedRequest("/api/threads", { cookie }), noContext)).json();
  expect(JSON.stringify(threads)).not.toContain(caller);
  const leads = await (await leadsRoute(authedRequest("/api/leads", { cookie }), noContext)).json();
  expect(JSON.stringify(leads)).not.toContain(caller);
  const hour = 3_600_000;
  const period = {
    from: new Date(Date.now() - hour),
    to: new Date(Date.now() + hour),
    fromDay: "",
    toDay: "",
    timeZone: "America/New_York",
  };
  const metrics = await getLeadMetrics({ businessId, period });
  expect(metrics.leads).toBe(0);
}

describe("POST /api/setup-test (simulator mode)", () => {
  it("needs a session", async () => {
    expect(
      (await setupTestRoute(authedRequest("/api/setup-test", { cookie: "", method: "POST" }), noContext)).status,
    ).toBe(401);
  });

  it("runs every step through the real path, reports timings, and hides the test conversation", async () => {
    const { business, user, cookie, response, result } = await runFor();
    expect(response.status).toBe(200);
    expect(result.steps.map((step) => [step.key, step.ok])).toEqual([
      ["config", true],
      ["voice", true],
      ["missed", true],
      ["sms", true],
      ["push", true],
    ]);
    expect(result.ok).toBe(true);
    for (const step of result.steps) expect(step.ms).toBeGreaterThanOrEqual(0);
    expect(result.caller).toMatch(/^\+1500555\d{4}$/);

    const call = await db.call.findUniqueOrThrow({ where: { callSid: result.callSid } });
    expect(call).toMatchObject({ isTest: true, isMissed: true, fromNumber: result.caller });
    const message = await db.message.findUniqueOrThrow({ where: { id: call.autoReplyMessageId! } });
    expect(message.status).toBe("sent");
    expect(message.messageSid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(
      await db.notification.count({ where: { threadId: call.threadId!, userId: user.id, kind: "missed_call" } }),
    ).toBe(1);
    // Closed: no escalation SMS, follow-up or AI turn for the test conversation.
    expect(await db.thread.findUniqueOrThrow({ where: { id: call.threadId! } })).toMatchObject({ mode: "closed" });
    await expectHiddenEverywhere({ cookie, businessId: business.id, caller: result.caller });
  });

  it("reports a failed first step when the business has no Twilio number", async () => {
    const test = await createTestBusiness();
    await db.phoneNumber.deleteMany({ where: { businessId: test.business.id } });
    const cookie = await sessionCookie({ userId: test.user.id, businessId: test.business.id });
    const result = (await (
      await setupTestRoute(authedRequest("/api/setup-test", { cookie, method: "POST" }), noContext)
    ).json()) as Result;
    expect(result.ok).toBe(false);
    expect(result.steps).toEqual([
      expect.objectContaining({ key: "config", ok: false, detail: "This business has no Twilio number yet." }),
    ]);
  });

  it("reports the notification step as failed when every member muted missed calls", async () => {
    const test = await createTestBusiness();
    await db.membership.updateMany({
      where: { businessId: test.business.id },
      data: { notifyPrefs: { missed_call: false } },
    });
    const cookie = await sessionCookie({ userId: test.user.id, businessId: test.business.id });
    const result = (await (
      await setupTestRoute(authedRequest("/api/setup-test", { cookie, method: "POST" }), noContext)
    ).json()) as Result;
    expect(result.ok).toBe(false);
    expect(result.steps.at(-1)).toMatchObject({ key: "push", ok: false });
    expect(result.steps.slice(0, -1).every((step) => step.ok)).toBe(true);
  });

  it("with no device registered it fails the notification step and names who no phone will notify", async () => {
    const { result } = await runFor({}, { withDevice: false });
    expect(result.ok).toBe(false);
    expect(result.steps.slice(0, -1).every((step) => step.ok)).toBe(true);
    const push = result.steps.at(-1)!;
    expect(push).toMatchObject({ key: "push", ok: false });
    expect(push.detail).toContain("No phone will be notified");
    expect(push.detail).toContain("Olivia Owner");
  });

  it("passes with a warning naming the members whose phone will not be notified", async () => {
    const test = await createTestBusiness();
    await addDevice(test.business.id, test.user.id);
    const teammate = await db.user.create({
      data: { email: `max-${crypto.randomUUID()}@example.test`, name: "Max Member", passwordHash: "x" },
    });
    await db.membership.create({ data: { userId: teammate.id, businessId: test.business.id, role: "member" } });
    const cookie = await sessionCookie({ userId: test.user.id, businessId: test.business.id });
    const result = (await (
      await setupTestRoute(authedRequest("/api/setup-test", { cookie, method: "POST" }), noContext)
    ).json()) as Result;
    const push = result.steps.at(-1)!;
    expect(push).toMatchObject({ key: "push", ok: true, isWarning: true });
    expect(push.detail).toContain("1 device of Olivia Owner");
    expect(push.detail).toContain("No phone will notify Max Member");
    expect(push.detail).not.toContain("No phone will notify Olivia");
  });
});

describe("POST /api/setup-test (Twilio)", () => {
  const accountSid = `AC${"d".repeat(32)}`;
  const authToken = "fake-auth-token-setup-test";
  let fake: TwilioFake;

  beforeAll(async () => {
    fake = await startTwilioFake({ accountSid, authToken });
    process.env.TWILIO_ACCOUNT_SID = accountSid;
    process.env.TWILIO_AUTH_TOKEN = authToken;
    process.env.TWILIO_API_BASE_URL = fake.url;
    resetEnvForTests();
  });

  afterAll(async () => {
    delete process.env.TWILIO_ACCOUNT_SID;
    delete process.env.TWILIO_AUTH_TOKEN;
    delete process.env.TWILIO_API_BASE_URL;
    resetEnvForTests();
    await fake.close();
  });

  it("passes with a real account while the test caller's text never reaches Twilio", async () => {
    const before = fake.createRequests;
    const { result, cookie, business } = await runFor({ routingMode: "forwarded" });
    expect(result.steps.map((step) => [step.key, step.ok])).toEqual([
      ["config", true],
      ["voice", true],
      ["missed", true],
      ["sms", true],
      ["push", true],
    ]);
    expect(result.steps[1]!.detail).toBe("Straight to the greeting and voicemail."); // in words, no TwiML
    expect(fake.createRequests).toBe(before);
    expect(fake.messages.filter((message) => message.to === result.caller)).toHaveLength(0);
    await expectHiddenEverywhere({ cookie, businessId: business.id, caller: result.caller });
  });

  it("fails the first step when PUBLIC_BASE_URL is not https", async () => {
    const original = process.env.PUBLIC_BASE_URL;
    process.env.PUBLIC_BASE_URL = "http://localhost:3000";
    resetEnvForTests();
    try {
      const { result } = await runFor();
      expect(result.steps).toEqual([expect.objectContaining({ key: "config", ok: false })]);
      expect(result.steps[0]!.detail).toContain("https");
    } finally {
      process.env.PUBLIC_BASE_URL = original;
      resetEnvForTests();
    }
  });
});
