// Secrets never logged: a missed call (auto-SMS through the Twilio fake, a failed first send) and an inbound SMS,
// with the logger at DEBUG. No full phone number, no message body, no Twilio auth token or AUTH_SECRET appears.
import { capturedLogLines } from "@/test/reliability/capture-logs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as messageStatus } from "@/app/api/twilio/message-status/route";
import { POST as voice } from "@/app/api/twilio/voice/route";
import { db } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { stopBoss } from "@/lib/jobs/boss";
import { startWorker } from "@/lib/jobs/worker";
import { startTwilioFake, type TwilioFake } from "@/test/fakes/twilio-fake";
import { createTestBusiness, randomPhone } from "@/test/helpers/business";
import { postInboundSms } from "@/test/helpers/inbound-sms";
import { callSid, signedTwilioRequest } from "@/test/helpers/twilio";
import { waitFor } from "@/test/helpers/wait";

const accountSid = `AC${"c".repeat(32)}`;
const authToken = "log-test-auth-token-9f8e7d6c5b4a";
let fake: TwilioFake;

beforeAll(async () => {
  fake = await startTwilioFake({ accountSid, authToken, dispatchCallback: (request) => messageStatus(request) });
  process.env.TWILIO_ACCOUNT_SID = accountSid;
  process.env.TWILIO_AUTH_TOKEN = authToken;
  process.env.TWILIO_API_BASE_URL = fake.url;
  delete process.env.OPENAI_API_KEY;
  resetEnvForTests();
  await startWorker({ pollingIntervalSeconds: 0.5 });
});

afterAll(async () => {
  await stopBoss();
  await fake.close();
});

describe("logs carry no secrets (debug level)", () => {
  it("a missed call and a customer's text leave no phone number, body or token in the logs", async () => {
    const { business, twilioNumber, ownerPhone } = await createTestBusiness({ routingMode: "forwarded" });
    const caller = randomPhone();
    fake.failNextCreates(1, { status: 500, message: "Internal Server Error" }); // the retry path logs too
    const sid = callSid();
    const answer = await voice(
      await signedTwilioRequest("/api/twilio/voice", { CallSid: sid, From: caller, To: twilioNumber }),
    );
    expect(answer.status).toBe(200);
    const call = await db.call.findUniqueOrThrow({ where: { callSid: sid } });
    await waitFor(
      async () => (await db.message.findUnique({ where: { id: call.autoReplyMessageId! } }))?.status === "sent",
      { timeoutMs: 20_000 },
    );
    const sent = fake.messages.find((message) => message.to === caller)!;
    await fake.sendStatusCallback(sent.sid, "delivered");

    const secretText = "my gate code is 4471 and the leak is under the sink";
    const { response } = await postInboundSms({ from: caller, to: twilioNumber, body: secretText });
    expect(response.status).toBe(200);
    await waitFor(
      async () =>
        (await db.message.count({
          where: { businessId: business.id, direction: "inbound", processedAt: { not: null } },
        })) >= 1,
      { timeoutMs: 20_000 },
    );
    // An unknown To number is logged too.
    await postInboundSms({ from: caller, to: "+19995550123", body: secretText });

    const logs = capturedLogLines.join("\n");
    // The flows did log (the check is not vacuous): the send's retry, the unknown number, debug lines of the jobs.
    expect(logs).toContain("job failed; pg-boss retries it");
    expect(logs).toContain("inbound SMS to an unknown number");
    expect(logs).toMatch(/"level":20/); // debug lines were captured
    for (const phone of [caller, twilioNumber, ownerPhone, "+19995550123"]) {
      expect(logs.includes(phone), `full phone ${phone} in logs`).toBe(false);
      expect(logs.includes(phone.slice(1)), `phone digits ${phone} in logs`).toBe(false);
    }
    expect(logs.includes(secretText), "customer message body in logs").toBe(false);
    expect(logs.includes("gate code"), "part of a message body in logs").toBe(false);
    expect(logs.includes(sent.body.slice(0, 40)), "auto-reply text in logs").toBe(false);
    expect(logs.includes(authToken), "Twilio auth token in logs").toBe(false);
    expect(logs.includes(process.env.AUTH_SECRET!), "AUTH_SECRET in logs").toBe(false);
  });
});
