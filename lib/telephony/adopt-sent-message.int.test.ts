// "Adopt, don't resend": a send whose outcome was never learned (a crash, a timeout) looks at Twilio before trying
// again. Twilio lists a message it has not sent yet with date_sent null, and a conversation's messages over pages:
// the look must find the earlier attempt in both cases, and must not adopt an older identical text.
import twilio from "twilio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as voice } from "@/app/api/twilio/voice/route";
import { db } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { stopBoss } from "@/lib/jobs/boss";
import { sendMessageJob } from "@/lib/telephony/send-message-job";
import { startTwilioFake, type TwilioFake } from "@/test/fakes/twilio-fake";
import { createTestBusiness, randomPhone } from "@/test/helpers/business";
import { leaveNoWorkBehind } from "@/test/helpers/leave-no-work-behind";
import { callSid, signedTwilioRequest } from "@/test/helpers/twilio";

const accountSid = `AC${"d".repeat(32)}`;
const authToken = "fake-adopt-token-0123456789";
const startedAt = new Date();
let fake: TwilioFake;
let client: ReturnType<typeof twilio>;

beforeAll(async () => {
  fake = await startTwilioFake({ accountSid, authToken });
  process.env.TWILIO_ACCOUNT_SID = accountSid;
  process.env.TWILIO_AUTH_TOKEN = authToken;
  process.env.TWILIO_API_BASE_URL = fake.url;
  resetEnvForTests();
  client = twilio(accountSid, authToken);
  client.api.baseUrl = fake.url;
});

afterAll(async () => {
  await leaveNoWorkBehind(startedAt);
  await stopBoss();
  await fake.close();
});

/** A missed call's auto-reply whose first attempt ran and was never heard of again (no worker drains it here). */
async function interruptedAutoReply() {
  const { twilioNumber } = await createTestBusiness({ routingMode: "forwarded" });
  const from = randomPhone();
  const sid = callSid();
  await voice(await signedTwilioRequest("/api/twilio/voice", { CallSid: sid, From: from, To: twilioNumber }));
  const call = await db.call.findUniqueOrThrow({ where: { callSid: sid } });
  const message = await db.message.update({
    where: { id: call.autoReplyMessageId! },
    data: { status: "sending", sendAttempts: 1, sendStartedAt: new Date(Date.now() - 10 * 60_000) },
  });
  return { message, customer: from, twilioNumber };
}

describe("adopting a message an earlier attempt created", () => {
  it("finds it while Twilio still has it queued (date_sent null), past the first page: no second send", async () => {
    const { message, customer, twilioNumber } = await interruptedAutoReply();
    fake.setDeliveryOutcome(customer, { status: "queued" }); // Twilio sends none of them while the test looks
    const earlier = await client.messages.create({ to: customer, from: twilioNumber, body: message.body });
    fake.messages.find((candidate) => candidate.sid === earlier.sid)!.dateSent = null;
    // 60 newer messages of the same conversation, also not sent yet: the earlier attempt is on the second page.
    for (let index = 0; index < 60; index++) {
      const newer = await client.messages.create({ to: customer, from: twilioNumber, body: `later ${index}` });
      fake.messages.find((candidate) => candidate.sid === newer.sid)!.dateSent = null;
    }
    const firstPage = await client.messages.page({ to: customer, from: twilioNumber });
    expect(firstPage.instances.map((listed) => listed.sid)).not.toContain(earlier.sid);
    const requestsBefore = fake.createRequests;

    await sendMessageJob({ messageId: message.id });

    expect(fake.createRequests).toBe(requestsBefore);
    expect(fake.messages.filter((sent) => sent.to === customer && sent.body === message.body)).toHaveLength(1);
    expect(await db.message.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({
      status: "sent",
      messageSid: earlier.sid,
    });
  });

  it("an identical text from before the attempt is not adopted: the message is sent once", async () => {
    const { message, customer, twilioNumber } = await interruptedAutoReply();
    const old = await client.messages.create({ to: customer, from: twilioNumber, body: message.body });
    const stored = fake.messages.find((candidate) => candidate.sid === old.sid)!;
    stored.dateCreated = new Date(Date.now() - 2 * 86_400_000);
    stored.dateSent = stored.dateCreated;
    const requestsBefore = fake.createRequests;

    await sendMessageJob({ messageId: message.id });

    expect(fake.createRequests).toBe(requestsBefore + 1);
    const sent = await db.message.findUniqueOrThrow({ where: { id: message.id } });
    expect(sent.status).toBe("sent");
    expect(sent.messageSid).not.toBe(old.sid);
    expect(fake.messages.filter((candidate) => candidate.to === customer)).toHaveLength(2);
  });
});
