// Every external call failed at the network level (a port nothing listens on): Twilio (call back, the emergency
// call, Lookup, the send job through the worker), the model, the push service and a CRM webhook. With the logger at
// DEBUG, no line carries the Twilio auth token (nor its Basic header), the model key, the VAPID private key, a
// webhook secret, AUTH_SECRET or a full phone number; pg-boss's stored output of the failed job neither.
import { capturedLogLines } from "@/test/reliability/capture-logs";
import { createECDH, randomBytes } from "node:crypto";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as callBackRoute } from "@/app/api/threads/[id]/call-back/route";
import { POST as voice } from "@/app/api/twilio/voice/route";
import { runAiTurn } from "@/lib/ai/run-ai-turn";
import { db } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { stopBoss } from "@/lib/jobs/boss";
import { startWorker } from "@/lib/jobs/worker";
import { placeEmergencyCall } from "@/lib/notifications/place-emergency-call";
import { sendPushJob } from "@/lib/notifications/send-push-job";
import { getVapidDetails } from "@/lib/notifications/vapid";
import { lookupLineType } from "@/lib/telephony/lookup-line-type";
import { deliverWebhookJob } from "@/lib/webhooks/deliver-webhook-job";
import { authedRequest, createTestBusiness, randomPhone, sessionCookie } from "@/test/helpers/business";
import { callSid, signedTwilioRequest } from "@/test/helpers/twilio";
import { waitFor } from "@/test/helpers/wait";
import { leaveNoWorkBehind } from "@/test/helpers/leave-no-work-behind";

const fileStartedAt = new Date();

const accountSid = `AC${"e".repeat(32)}`;
const authToken = "network-failure-auth-token-5e4d3c2b1a";
const openAiKey = "sk-proj-networkfailurekey0123456789abcdef";
let closedUrl = "";
const ecdh = createECDH("prime256v1");
ecdh.generateKeys();
const deviceKey = ecdh.getPublicKey().toString("base64url");

/** A port that was free a moment ago and that nothing listens on: connections are refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(async () => {
  closedUrl = `http://127.0.0.1:${await closedPort()}`;
  process.env.TWILIO_ACCOUNT_SID = accountSid;
  process.env.TWILIO_AUTH_TOKEN = authToken;
  process.env.TWILIO_API_BASE_URL = closedUrl;
  process.env.OPENAI_API_KEY = openAiKey;
  process.env.OPENAI_BASE_URL = `${closedUrl}/v1`;
  resetEnvForTests();
  await startWorker({ pollingIntervalSeconds: 0.5 });
});

afterAll(async () => {
  await leaveNoWorkBehind(fileStartedAt);
  await stopBoss();
  delete process.env.OPENAI_API_KEY;
  delete process.env.OPENAI_BASE_URL;
  resetEnvForTests();
});

describe("external calls failing at the network level", () => {
  it("leave no token, key, secret or full phone number in the logs or the failed job's stored output", async () => {
    const { business, user, twilioNumber, ownerPhone } = await createTestBusiness({
      routingMode: "forwarded",
      lookupEnabled: true,
    });
    const cookie = await sessionCookie({ userId: user.id, businessId: business.id });
    const customer = randomPhone();
    const memberPhone = randomPhone();
    const lead = await db.lead.create({ data: { businessId: business.id, phone: customer, name: "Pat" } });
    const thread = await db.thread.create({ data: { businessId: business.id, leadId: lead.id, mode: "ai" } });
    await db.message.create({
      data: {
        businessId: business.id,
        threadId: thread.id,
        leadId: lead.id,
        direction: "inbound",
        authorKind: "customer",
        purpose: "inbound",
        body: "My basement is flooding, call me",
        fromNumber: customer,
        toNumber: twilioNumber,
        status: "received",
      },
    });
    const linesBefore = capturedLogLines.length;

    // Twilio: call back (route), the emergency call and Lookup (domain functions).
    const callBack = await callBackRoute(
      authedRequest(`/api/threads/${thread.id}/call-back`, { cookie, method: "POST" }),
      {
        params: Promise.resolve({ id: thread.id }),
      },
    );
    expect(callBack.status).toBe(503);
    await placeEmergencyCall({
      businessId: business.id,
      threadId: thread.id,
      leadId: lead.id,
      memberPhone,
      title: "Flood",
    });
    expect(await lookupLineType(randomPhone())).toBeNull();

    // Twilio through the worker: a missed call whose auto-SMS send fails and is retried by pg-boss.
    const sid = callSid();
    const caller = randomPhone();
    expect(
      (await voice(await signedTwilioRequest("/api/twilio/voice", { CallSid: sid, From: caller, To: twilioNumber })))
        .status,
    ).toBe(200);
    const messageId = (await db.call.findUniqueOrThrow({ where: { callSid: sid } })).autoReplyMessageId!;
    const failedJob = await waitFor(
      async () => {
        const rows = await db.$queryRaw<{ output: unknown }[]>`
          SELECT output FROM pgboss.job WHERE name = 'send-message' AND data->>'messageId' = ${messageId}
            AND output IS NOT NULL`;
        return rows[0] ?? null;
      },
      { timeoutMs: 30_000 },
    );

    // The model.
    await runAiTurn({ threadId: thread.id, reason: "let_ai_handle" });
    expect(await db.event.count({ where: { threadId: thread.id, type: "ai.error" } })).toBeGreaterThanOrEqual(1);

    // The push service: a device whose endpoint refuses connections.
    const member = await db.membership.findFirstOrThrow({ where: { businessId: business.id, userId: user.id } });
    await db.pushSubscription.create({
      data: {
        businessId: business.id,
        userId: member.userId,
        endpoint: `${closedUrl}/push/device`,
        p256dh: deviceKey,
        auth: randomBytes(16).toString("base64url"),
      },
    });
    const notification = await db.notification.create({
      data: {
        businessId: business.id,
        userId: user.id,
        threadId: thread.id,
        kind: "missed_call",
        title: "Missed call",
        body: "…",
      },
    });
    await expect(sendPushJob({ notificationId: notification.id })).rejects.toThrow(/failed temporarily/);

    // A CRM webhook whose receiver is gone.
    const webhookSecret = "whsec_networkfailure0123456789abcdef";
    const endpoint = await db.webhookEndpoint.create({
      data: { businessId: business.id, url: `${closedUrl}/crm`, secret: webhookSecret, events: [] },
    });
    const delivery = await db.webhookDelivery.create({
      data: {
        businessId: business.id,
        endpointId: endpoint.id,
        eventId: "evt_netfail",
        eventType: "lead.created",
        payload: { phone: customer },
      },
    });
    await deliverWebhookJob({ deliveryId: delivery.id }, { retryCount: 0, retryLimit: 8 }).catch(() => undefined);

    const logs = capturedLogLines.slice(linesBefore).join("\n");
    expect(
      logs.match(/"err":/g)?.length ?? 0,
      "the failures were logged (the check is not vacuous)",
    ).toBeGreaterThanOrEqual(5);
    expect(logs).toContain("ECONNREFUSED");
    const stored = JSON.stringify(failedJob.output);
    const basic = Buffer.from(`${accountSid}:${authToken}`).toString("base64");
    const { privateKey } = await getVapidDetails();
    for (const [where, text] of [
      ["logs", logs],
      ["pg-boss job output", stored],
    ] as const) {
      for (const [name, secret] of [
        ["Twilio auth token", authToken],
        ["Basic credentials", basic],
        ["model key", openAiKey],
        ["VAPID private key", privateKey],
        ["webhook secret", webhookSecret],
        ["AUTH_SECRET", process.env.AUTH_SECRET!],
      ] as const) {
        expect(text.includes(secret), `${name} in the ${where}`).toBe(false);
      }
      expect(text, `an Authorization header in the ${where}`).not.toMatch(/authorization/i);
      for (const phone of [customer, caller, memberPhone, ownerPhone, twilioNumber]) {
        expect(text.includes(phone), `full phone ${phone} in the ${where}`).toBe(false);
        expect(text.includes(phone.slice(1)), `phone digits ${phone} in the ${where}`).toBe(false);
        expect(text.includes(encodeURIComponent(phone)), `encoded phone ${phone} in the ${where}`).toBe(false);
      }
    }
  }, 90_000);
});
