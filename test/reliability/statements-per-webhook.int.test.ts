// The shape of the hot path, counted: the database round trips (BEGIN and COMMIT included, on every connection the
// app uses, pg-boss's too) of the two webhooks of one missed call, of its whole life (the send job and Twilio's
// "sent" and "delivered" callbacks too), and of one inbound SMS. A structural limit, stable on any machine: a change
// that reads a row twice or writes a job on its own shows up here, not only in the bench.
// Counted after a first call warmed the process (business cache, queue started, simulator token read), as a
// running server is.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as dialAction } from "@/app/api/twilio/dial-action/route";
import { POST as messageStatus } from "@/app/api/twilio/message-status/route";
import { POST as sms } from "@/app/api/twilio/sms/route";
import { POST as voice } from "@/app/api/twilio/voice/route";
import { db } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { stopBoss } from "@/lib/jobs/boss";
import { sendMessageJob } from "@/lib/telephony/send-message-job";
import { startTwilioFake, type TwilioFake } from "@/test/fakes/twilio-fake";
import { createTestBusiness, randomPhone } from "@/test/helpers/business";
import { countStatements } from "@/test/helpers/count-statements";
import { messageSid } from "@/test/helpers/inbound-sms";
import { signedTwilioRequest } from "@/test/helpers/twilio";
import { waitFor } from "@/test/helpers/wait";

const MISSED_CALL_LIMIT = 5;
/** the two webhooks, the send job's own statements (not pg-boss's fetch and completion) and the two callbacks (the
 * instance that stored the text needs no read for them) */
const MISSED_CALL_LIFE_LIMIT = 8;
const INBOUND_SMS_LIMIT = 5;

const accountSid = `AC${"c".repeat(32)}`;
const authToken = "statements-fake-auth-token";
let fake: TwilioFake;
/** the status callbacks the fake sent, held here so that each one is counted on its own */
const heldCallbacks: Request[] = [];

const callSid = () => `CA${crypto.randomUUID().replaceAll("-", "")}`;

async function missedCall(twilioNumber: string, from: string) {
  const sid = callSid();
  const ring = await signedTwilioRequest("/api/twilio/voice", { CallSid: sid, From: from, To: twilioNumber });
  const dial = await signedTwilioRequest("/api/twilio/dial-action", {
    CallSid: sid,
    From: from,
    To: twilioNumber,
    DialCallStatus: "no-answer",
    DialCallDuration: "0",
  });
  const ringing = await countStatements(() => voice(ring));
  const missed = await countStatements(() => dialAction(dial));
  return { sid, ringing, missed };
}

async function inboundSms(twilioNumber: string, from: string) {
  const sid = messageSid();
  const request = await signedTwilioRequest("/api/twilio/sms", {
    MessageSid: sid,
    SmsSid: sid,
    AccountSid: "ACtest",
    From: from,
    To: twilioNumber,
    Body: "Hi, is anyone there?",
    NumMedia: "0",
  });
  return { sid, ...(await countStatements(() => sms(request))) };
}

describe("statements per webhook", () => {
  let twilioNumber = "";

  beforeAll(async () => {
    fake = await startTwilioFake({
      accountSid,
      authToken,
      dispatchCallback: async (request) => {
        heldCallbacks.push(request);
        return new Response(null, { status: 204 });
      },
    });
    process.env.TWILIO_ACCOUNT_SID = accountSid;
    process.env.TWILIO_AUTH_TOKEN = authToken;
    process.env.TWILIO_API_BASE_URL = fake.url;
    resetEnvForTests();
    ({ twilioNumber } = await createTestBusiness());
    // Warm the process as a running server is: a first call and a first text.
    await missedCall(twilioNumber, randomPhone());
    await inboundSms(twilioNumber, randomPhone());
  });

  afterAll(async () => {
    await stopBoss();
    await fake.close();
  });

  it(`one missed call (/voice + /dial-action) makes at most ${MISSED_CALL_LIMIT} round trips`, async () => {
    const caller = randomPhone();
    const { sid, ringing, missed } = await missedCall(twilioNumber, caller);
    expect(ringing.result.status).toBe(200);
    expect(missed.result.status).toBe(200);
    // The work was done: the call is missed, the auto-SMS queued with its send job.
    const call = await db.call.findUniqueOrThrow({ where: { callSid: sid } });
    expect(call).toMatchObject({ isMissed: true, skipReason: null });
    const [job] = await db.$queryRaw<{ name: string }[]>`
      SELECT name FROM pgboss.job WHERE name = 'send-message' AND data->>'messageId' = ${call.autoReplyMessageId}`;
    expect(job).toBeDefined();
    const total = ringing.statements.length + missed.statements.length;
    expect(total, [...ringing.statements, ...missed.statements].join("\n---\n")).toBeLessThanOrEqual(MISSED_CALL_LIMIT);
  });

  it(`one missed call's whole life (webhooks, send job, sent + delivered callbacks) makes at most ${MISSED_CALL_LIFE_LIMIT} round trips`, async () => {
    const caller = randomPhone();
    const { sid, ringing, missed } = await missedCall(twilioNumber, caller);
    const call = await db.call.findUniqueOrThrow({ where: { callSid: sid } });
    heldCallbacks.length = 0;
    const send = await countStatements(() => sendMessageJob({ messageId: call.autoReplyMessageId! }));
    await waitFor(() => (heldCallbacks.length >= 2 ? true : null), { timeoutMs: 10_000 });
    const callbacks = [];
    for (const request of heldCallbacks.splice(0)) {
      const status = new URLSearchParams(await request.clone().text()).get("MessageStatus");
      const counted = await countStatements(() => messageStatus(request));
      expect(counted.result.status).toBe(204);
      callbacks.push({ status, statements: counted.statements });
    }
    expect(callbacks.map((callback) => callback.status)).toEqual(["sent", "delivered"]);
    // The work was done: the text went out once, and the call and message carry its acceptance and delivery.
    expect(fake.messages.filter((message) => message.to === caller)).toHaveLength(1);
    const after = await db.call.findUniqueOrThrow({ where: { callSid: sid }, include: { autoReplyMessage: true } });
    expect(after.smsAcceptedAt).not.toBeNull();
    expect(after.smsDeliveredAt).not.toBeNull();
    expect(after.autoReplyMessage).toMatchObject({ status: "delivered" });
    const all = [ringing, missed, send, ...callbacks].flatMap((part) => part.statements);
    expect(all.length, all.join("\n---\n")).toBeLessThanOrEqual(MISSED_CALL_LIFE_LIMIT);
  });

  it(`one inbound SMS makes at most ${INBOUND_SMS_LIMIT} round trips`, async () => {
    const { sid, result, statements } = await inboundSms(twilioNumber, randomPhone());
    expect(result.status).toBe(200);
    const message = await db.message.findUniqueOrThrow({ where: { messageSid: sid } });
    const [job] = await db.$queryRaw<{ name: string }[]>`
      SELECT name FROM pgboss.job WHERE name = 'process-inbound-message' AND data->>'messageId' = ${message.id}`;
    expect(job).toBeDefined();
    expect(statements.length, statements.join("\n---\n")).toBeLessThanOrEqual(INBOUND_SMS_LIMIT);
  });
});
