// An outage, end to end: the app is off (no worker, no webhook reaches it) while callers ring the business's number;
// Twilio keeps its own record of each call (the fallback greeted them; nobody's phone rang). The app starts again:
// the reconciliation that runs at boot finds every call in Twilio's Calls list and each missed caller gets exactly
// one text ("earlier"), a caller who rang twice one; late webhooks and more runs change nothing. The health panel
// counts the recovered calls and the dashboard's capture rate includes them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as messageStatus } from "@/app/api/twilio/message-status/route";
import { POST as voice } from "@/app/api/twilio/voice/route";
import { db } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { getHealth } from "@/lib/health/get-health";
import { stopBoss } from "@/lib/jobs/boss";
import { startWorker } from "@/lib/jobs/worker";
import { getCallMetrics } from "@/lib/metrics/call-metrics";
import { reconcileBusiness } from "@/lib/reconciliation/reconcile-business";
import { startTwilioFake, type TwilioFake } from "@/test/fakes/twilio-fake";
import { createTestBusiness, randomPhone } from "@/test/helpers/business";
import { leaveNoWorkBehind } from "@/test/helpers/leave-no-work-behind";
import { signedTwilioRequest } from "@/test/helpers/twilio";
import { waitFor } from "@/test/helpers/wait";

const accountSid = `AC${"f".repeat(32)}`;
const authToken = "fake-outage-token-0123456789";
const startedAt = new Date();
let fake: TwilioFake;

beforeAll(async () => {
  fake = await startTwilioFake({ accountSid, authToken, dispatchCallback: (request) => messageStatus(request) });
  process.env.TWILIO_ACCOUNT_SID = accountSid;
  process.env.TWILIO_AUTH_TOKEN = authToken;
  process.env.TWILIO_API_BASE_URL = fake.url;
  resetEnvForTests();
});

afterAll(async () => {
  await stopBoss();
  await leaveNoWorkBehind(startedAt);
  process.env.TWILIO_RECONCILE_INTERVAL_SECONDS = "0";
  resetEnvForTests();
  await fake.close();
});

const textsTo = (phone: string) => fake.messages.filter((message) => message.to === phone);

describe("an outage", () => {
  it("every call missed while the app was off is texted exactly once after it starts again", async () => {
    const { business, twilioNumber, ownerPhone } = await createTestBusiness({ routingMode: "ring_first" });
    // The app is off: no worker runs, and nothing reaches its webhooks. Calls arrive at Twilio all the same.
    await stopBoss();
    const callers = Array.from({ length: 8 }, () => randomPhone());
    const twice = callers[0]!;
    const arrivals = [...callers, twice].map((from, index) =>
      fake.callLog.receive({
        from,
        to: twilioNumber,
        // Twilio could not reach the voice URL; the fallback's greeting answered: completed, no leg dialled.
        status: index === 3 ? "canceled" : "completed", // one caller hung up before any answer
        startTime: new Date(Date.now() - (20 - index) * 60_000),
        durationSec: 25,
      }),
    );
    // One caller was answered by the professional before the app went down fully (its leg completed, 2 minutes).
    const answered = randomPhone();
    fake.callLog.receive({
      from: answered,
      to: twilioNumber,
      startTime: new Date(Date.now() - 30 * 60_000),
      durationSec: 130,
      dial: { to: ownerPhone, status: "completed", durationSec: 120 },
    });
    expect(await db.call.count({ where: { businessId: business.id } })).toBe(0);

    // The app starts again: reconciliation is on, and runs at boot.
    process.env.TWILIO_RECONCILE_INTERVAL_SECONDS = "300";
    resetEnvForTests();
    await startWorker({ pollingIntervalSeconds: 0.5 });
    for (const caller of callers) {
      await waitFor(() => textsTo(caller).length >= 1, { timeoutMs: 60_000 });
    }
    await waitFor(
      async () =>
        (await db.call.count({ where: { businessId: business.id, smsAcceptedAt: { not: null } } })) === callers.length,
      { timeoutMs: 30_000 },
    );

    // Once more, and the webhooks that finally arrive late: nothing doubles.
    await reconcileBusiness(business.id);
    for (const { call } of arrivals) {
      await voice(
        await signedTwilioRequest("/api/twilio/voice", { CallSid: call.sid, From: call.from, To: twilioNumber }),
      );
    }
    await reconcileBusiness(business.id);

    const recovered = await db.call.findMany({
      where: { businessId: business.id, detectedBy: "reconciliation" },
      orderBy: { createdAt: "asc" },
    });
    expect(recovered).toHaveLength(arrivals.length);
    for (const caller of callers) expect(textsTo(caller)).toHaveLength(1);
    expect(textsTo(answered)).toHaveLength(0);
    expect(textsTo(twice)[0]!.body).toContain("missed your call earlier");
    expect(recovered.filter((call) => call.skipReason === "repeat_caller")).toHaveLength(1);
    expect(recovered.map((call) => call.missReason)).toContain("canceled");
    expect(await db.call.findFirst({ where: { businessId: business.id, fromNumber: answered } })).toMatchObject({
      isMissed: false,
      detectedBy: "webhook",
    });
    console.info(
      `outage: ${arrivals.length} calls arrived while the app was off; reconciliation recovered ${recovered.length}, ` +
        `${callers.length} callers texted exactly once (1 repeat caller not texted twice)`,
    );

    // The health panel counts them; the dashboard's capture rate includes them.
    const health = await getHealth({ businessId: business.id });
    expect(health.reconciliation).toMatchObject({ isOn: true, recovered24h: arrivals.length, lastRunOk: true });
    expect(health.reconciliation.lastRunAt).toBeInstanceOf(Date);
    const metrics = await getCallMetrics({
      businessId: business.id,
      period: {
        from: new Date(Date.now() - 86_400_000),
        to: new Date(Date.now() + 60_000),
        fromDay: "",
        toDay: "",
        timeZone: "UTC",
      },
    });
    expect(metrics).toMatchObject({ missedCalls: arrivals.length, capturedCalls: callers.length, captureRate: 1 });
  });
});
