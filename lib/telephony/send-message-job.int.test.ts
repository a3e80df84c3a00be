// The send path against a local fake of Twilio's REST API: exactly one message across failures, retries and a
// restart; 4xx not retried; 21610 opts out; status callbacks never regress.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as messageStatus } from "@/app/api/twilio/message-status/route";
import { POST as voice } from "@/app/api/twilio/voice/route";
import { db } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { lookupLineType } from "@/lib/telephony/lookup-line-type";
import { stopBoss } from "@/lib/jobs/boss";
import { startWorker } from "@/lib/jobs/worker";
import { startTwilioFake, type TwilioFake } from "@/test/fakes/twilio-fake";
import { createTestBusiness, randomPhone } from "@/test/helpers/business";
import { callSid, signedTwilioRequest } from "@/test/helpers/twilio";
import { waitFor } from "@/test/helpers/wait";
import { CONNECTION_OVERRIDES } from "@/lib/telephony/connection-overrides";

const accountSid = `AC${"a".repeat(32)}`;
const authToken = "fake-auth-token-0123456789";
let fake: TwilioFake;

beforeAll(async () => {
  fake = await startTwilioFake({ accountSid, authToken, dispatchCallback: (request) => messageStatus(request) });
  process.env.TWILIO_ACCOUNT_SID = accountSid;
  process.env.TWILIO_AUTH_TOKEN = authToken;
  process.env.TWILIO_API_BASE_URL = fake.url;
  resetEnvForTests();
  await startWorker({ pollingIntervalSeconds: 0.5 });
});

afterAll(async () => {
  await stopBoss();
  await fake.close();
});

async function missedCall(overrides: Parameters<typeof createTestBusiness>[0] = {}, from = randomPhone()) {
  const test = await createTestBusiness({ routingMode: "forwarded", ...overrides });
  const sid = callSid();
  const response = await voice(
    await signedTwilioRequest("/api/twilio/voice", { CallSid: sid, From: from, To: test.twilioNumber }),
  );
  expect(response.status).toBe(200);
  const call = await db.call.findUniqueOrThrow({ where: { callSid: sid } });
  return { ...test, from, sid, call, messageId: call.autoReplyMessageId! };
}

const sentTo = (phone: string) => fake.messages.filter((message) => message.to === phone);
const messageWhen = (id: string, statuses: string[]) =>
  waitFor(
    async () => {
      const message = await db.message.findUniqueOrThrow({ where: { id } });
      return statuses.includes(message.status) ? message : null;
    },
    { timeoutMs: 20_000 },
  );

async function jobStates(messageId: string) {
  const rows = await db.$queryRaw<{ state: string }[]>`
    SELECT state::text FROM pgboss.job WHERE name = 'send-message' AND data->>'messageId' = ${messageId}`;
  return rows.map((row) => row.state);
}

const FINAL_MESSAGE_STATUSES = ["sent", "delivered", "undelivered", "failed", "canceled"];
const FINAL_JOB_STATES = ["completed", "failed", "cancelled"];

/**
 * Waits until the message can no longer be sent by anyone: it has a final status (a claim needs `queued`, or a
 * `sending` gone stale) and no send-message job for it is still waiting, retrying or running. Only then is a count
 * at the fake the final count: counted at the first `sent`, a later duplicate would pass unseen.
 */
async function settled(messageId: string) {
  return waitFor(
    async () => {
      const message = await db.message.findUniqueOrThrow({ where: { id: messageId } });
      if (!FINAL_MESSAGE_STATUSES.includes(message.status)) return null;
      const states = await jobStates(messageId);
      return states.length > 0 && states.every((state) => FINAL_JOB_STATES.includes(state)) ? message : null;
    },
    { timeoutMs: 20_000 },
  );
}

describe("send-message against the Twilio fake", () => {
  it("sends the auto-SMS once with the StatusCallback, stamps the call, moves the lead to contacted", async () => {
    const { business, from, twilioNumber, call, messageId } = await missedCall();
    const message = await messageWhen(messageId, ["sent", "delivered"]);
    await settled(messageId);
    expect(sentTo(from)).toHaveLength(1);
    const [sms] = sentTo(from);
    expect(sms).toMatchObject({
      from: twilioNumber,
      body: message.body,
      statusCallback: `https://ringback.test/api/twilio/message-status?messageId=${messageId}#${CONNECTION_OVERRIDES}`,
    });
    expect(message.messageSid).toBe(sms!.sid);
    const stamped = await db.call.findUniqueOrThrow({ where: { id: call.id } });
    expect(stamped.smsAcceptedAt!.getTime()).toBeGreaterThanOrEqual(stamped.detectedAt!.getTime());
    expect(await db.lead.findFirstOrThrow({ where: { businessId: business.id, phone: from } })).toMatchObject({
      status: "contacted",
    });

    // Status callbacks: delivered, then a late "sent" and a duplicate "delivered" change nothing.
    expect((await fake.sendStatusCallback(sms!.sid, "delivered")).status).toBe(204);
    await fake.sendStatusCallback(sms!.sid, "sent");
    await fake.sendStatusCallback(sms!.sid, "delivered");
    expect(await db.message.findUniqueOrThrow({ where: { id: messageId } })).toMatchObject({ status: "delivered" });
    expect((await db.call.findUniqueOrThrow({ where: { id: call.id } })).smsDeliveredAt).toBeInstanceOf(Date);
    const statusEvents = await db.event.findMany({ where: { businessId: business.id, type: "message.status" } });
    expect(statusEvents.map((event) => (event.payload as { status: string }).status).sort()).toEqual([
      "delivered",
      "sent",
    ]);
  });

  it("a callback for a text this instance stored, moved on since by another instance, changes nothing", async () => {
    // This instance keeps what it stored of its own texts, so that their callbacks need no read
    // (lib/telephony/sent-messages.ts). Another instance took the "delivered" callback meanwhile: a late
    // "undelivered" here, where the text is still known as "sent", must not move it back, as a read would have told.
    const from = randomPhone();
    fake.setDeliveryOutcome(from, { status: "queued" }); // Twilio calls back nothing by itself
    const { call, messageId } = await missedCall({}, from);
    const sent = await messageWhen(messageId, ["sent"]);
    await settled(messageId);
    await db.message.update({ where: { id: messageId }, data: { status: "delivered", deliveredAt: new Date() } });
    expect((await fake.sendStatusCallback(sent.messageSid!, "undelivered", { ErrorCode: "30003" })).status).toBe(204);
    expect(await db.message.findUniqueOrThrow({ where: { id: messageId } })).toMatchObject({
      status: "delivered",
      failedAt: null,
      errorCode: null,
    });
    const statuses = await db.event.findMany({ where: { businessId: call.businessId, type: "message.status" } });
    expect(statuses.map((event) => (event.payload as { status: string }).status)).not.toContain("undelivered");
  });

  it("a 500 then success sends exactly one message (retried with backoff)", async () => {
    const from = randomPhone();
    fake.failNextCreates(1, { status: 500, message: "Internal Server Error", to: from });
    const { messageId } = await missedCall({}, from);
    await messageWhen(messageId, ["sent", "delivered"]);
    await settled(messageId);
    expect(fake.createRequestsTo(from)).toBe(2);
    expect(sentTo(from)).toHaveLength(1);
  });

  it("a 429 with Retry-After is honoured and sends once", async () => {
    // 3 s: longer than pg-boss's own first retry delay (2 s), so a retry that ignored the header would come too soon.
    const retryAfterSeconds = 3;
    const from = randomPhone();
    fake.failNextCreates(1, {
      status: 429,
      code: 20429,
      message: "Too Many Requests",
      retryAfter: String(retryAfterSeconds),
      to: from,
    });
    const { messageId } = await missedCall({}, from);
    await settled(messageId);
    expect(fake.createRequestsTo(from)).toBe(2);
    expect(sentTo(from)).toHaveLength(1);
    // The attempt that got the 429 ended (completed, not left to pg-boss's backoff); the retry is a job made after
    // the 429 answer, to start no sooner than Retry-After later; and Twilio heard the retry no sooner than that.
    const jobs = await db.$queryRaw<{ state: string; waitSeconds: number; startAfter: Date }[]>`
      SELECT state::text, EXTRACT(EPOCH FROM start_after - created_on)::float8 AS "waitSeconds",
        start_after AS "startAfter"
      FROM pgboss.job WHERE name = 'send-message' AND data->>'messageId' = ${messageId} ORDER BY created_on`;
    expect(jobs.map((job) => job.state)).toEqual(["completed", "completed"]);
    const retry = jobs[1]!;
    expect(retry.waitSeconds).toBeGreaterThanOrEqual(retryAfterSeconds);
    expect(sentTo(from)[0]!.dateCreated.getTime()).toBeGreaterThanOrEqual(Math.floor(retry.startAfter.getTime()));
  });

  it("a 400 is not retried: failed with the error code", async () => {
    const from = randomPhone();
    fake.failNextCreates(1, { status: 400, code: 21211, message: "Invalid 'To' Phone Number", to: from });
    const { call, messageId } = await missedCall({}, from);
    const message = await messageWhen(messageId, ["failed"]);
    expect(message.errorCode).toBe(21211);
    expect(await waitFor(async () => ((await jobStates(messageId)).join() === "completed" ? "completed" : null))).toBe(
      "completed",
    );
    expect(fake.createRequestsTo(from)).toBe(1);
    expect(sentTo(from)).toHaveLength(0);
    expect((await db.call.findUniqueOrThrow({ where: { id: call.id } })).skipReason).toBe("rejected");
  });

  it("21610 marks the number opted out (twilio_error) and never retries", async () => {
    const from = randomPhone();
    fake.failNextCreates(1, {
      status: 400,
      code: 21610,
      message: "Attempt to send to unsubscribed recipient",
      to: from,
    });
    const { business, messageId } = await missedCall({}, from);
    await messageWhen(messageId, ["failed"]);
    expect(await waitFor(async () => ((await jobStates(messageId)).join() === "completed" ? "completed" : null))).toBe(
      "completed",
    );
    // Its only job is completed and the message failed: nothing can ask Twilio again. One request, the refused one.
    await settled(messageId);
    expect(fake.createRequestsTo(from)).toBe(1);
    expect(sentTo(from)).toHaveLength(0);
    expect(await db.lead.findFirstOrThrow({ where: { businessId: business.id, phone: from } })).toMatchObject({
      isOptedOut: true,
    });
    expect(
      await db.consentChange.count({
        where: { businessId: business.id, phone: from, source: "twilio_error", action: "opt_out" },
      }),
    ).toBe(1);
  });

  it("a delivery error 30007 in a status callback fails the message with the reason; 21610 there opts out", async () => {
    // Twilio itself reports the outcome the carrier gave: the fake sends these callbacks, signed, on its own.
    const filtered = randomPhone();
    fake.setDeliveryOutcome(filtered, { status: "undelivered", errorCode: 30007 });
    const first = await missedCall({}, filtered);
    expect(await messageWhen(first.messageId, ["undelivered"])).toMatchObject({
      status: "undelivered",
      errorCode: 30007,
      errorMessage: "Message filtered by the carrier",
    });
    const unsubscribed = randomPhone();
    fake.setDeliveryOutcome(unsubscribed, { status: "failed", errorCode: 21610 });
    const second = await missedCall({}, unsubscribed);
    await messageWhen(second.messageId, ["failed"]);
    expect(
      await db.lead.findFirstOrThrow({ where: { businessId: second.business.id, phone: second.from } }),
    ).toMatchObject({ isOptedOut: true });
  });

  it("status callbacks that arrive before the create's answer are kept: the sid, the final status, the call's stamps", async () => {
    // Twilio gives no order between its answer to the create and the message's callbacks. Here "sent" and
    // "delivered" both reach the app while the answer is still on its way: the message has no sid yet.
    const early = randomPhone();
    fake.setDeliveryOutcome(early, { status: "delivered", callbacksBeforeAnswer: true });
    const { business, call, messageId } = await missedCall({}, early);
    await settled(messageId);
    const [sms] = sentTo(early);
    expect(fake.sentStatusCallbacks.filter((callback) => callback.messageSid === sms!.sid)).toEqual([
      expect.objectContaining({ status: "sent", responseStatus: 204 }),
      expect.objectContaining({ status: "delivered", responseStatus: 204 }),
    ]);
    const message = await db.message.findUniqueOrThrow({ where: { id: messageId } });
    expect(message).toMatchObject({ status: "delivered", messageSid: sms!.sid });
    expect(message.sentAt).toBeInstanceOf(Date);
    expect(message.deliveredAt).toBeInstanceOf(Date);
    const stamped = await db.call.findUniqueOrThrow({ where: { id: call.id } });
    expect(stamped.smsAcceptedAt).toBeInstanceOf(Date);
    expect(stamped.smsDeliveredAt).toBeInstanceOf(Date);
    expect(await db.lead.findFirstOrThrow({ where: { businessId: business.id, phone: early } })).toMatchObject({
      status: "contacted",
    });
    const events = await db.event.findMany({ where: { businessId: business.id }, orderBy: { id: "asc" } });
    expect(events.filter((event) => event.type === "message.status").map((event) => event.payload)).toEqual([
      expect.objectContaining({ messageId, status: "sent" }),
      expect.objectContaining({ messageId, status: "delivered" }),
    ]);
    expect(events.filter((event) => event.type === "lead.updated")).toHaveLength(1);
    expect(fake.createRequestsTo(early)).toBe(1);

    // A carrier failure reported before the answer fails the message with its reason, never as "sent".
    const filtered = randomPhone();
    fake.setDeliveryOutcome(filtered, { status: "undelivered", errorCode: 30007, callbacksBeforeAnswer: true });
    const second = await missedCall({}, filtered);
    await settled(second.messageId);
    expect(await db.message.findUniqueOrThrow({ where: { id: second.messageId } })).toMatchObject({
      status: "undelivered",
      messageSid: sentTo(filtered)[0]!.sid,
      errorMessage: "Message filtered by the carrier",
    });
  });

  it("a landline (Twilio Lookup, business checks line types) gets no auto-SMS: canceled, the call says why", async () => {
    const from = randomPhone();
    fake.setLineType(from, "landline");
    const { call, messageId } = await missedCall({ lookupEnabled: true }, from);
    const message = await settled(messageId);
    expect(message).toMatchObject({ status: "canceled", errorMessage: "landline", messageSid: null });
    expect((await db.call.findUniqueOrThrow({ where: { id: call.id } })).skipReason).toBe("landline");
    expect(fake.createRequestsTo(from)).toBe(0);
    expect(sentTo(from)).toHaveLength(0);
    expect(await db.phoneLookup.findUniqueOrThrow({ where: { phone: from } })).toMatchObject({
      lineType: "landline",
      carrier: "Fake Carrier",
    });
  });

  it("a mobile number is texted when line types are checked; the answer is kept, not asked again", async () => {
    const from = randomPhone();
    fake.setLineType(from, "mobile");
    const { messageId } = await missedCall({ lookupEnabled: true }, from);
    expect(["sent", "delivered"]).toContain((await settled(messageId)).status);
    expect(sentTo(from)).toHaveLength(1);
    // Twilio would now say landline; the stored answer is used, so Lookup was not asked a second time.
    fake.setLineType(from, "landline");
    expect(await lookupLineType(from)).toBe("mobile");
  });

  it("a failed line-type lookup never blocks: null, nothing cached", async () => {
    const phone = randomPhone();
    process.env.TWILIO_API_BASE_URL = "http://127.0.0.1:9"; // the discard port: nothing listens, the request fails
    resetEnvForTests();
    try {
      expect(await lookupLineType(phone)).toBeNull();
    } finally {
      process.env.TWILIO_API_BASE_URL = fake.url;
      resetEnvForTests();
    }
    expect(await db.phoneLookup.findUnique({ where: { phone } })).toBeNull();
    fake.setLineType(phone, "voip");
    expect(await lookupLineType(phone)).toBe("voip");
  });

  it("re-checks consent right before sending", async () => {
    await stopWorkerAndBoss();
    const { business, from, messageId } = await missedCall();
    await db.lead.updateMany({ where: { businessId: business.id, phone: from }, data: { isOptedOut: true } });
    await restartWorker();
    const message = await messageWhen(messageId, ["canceled"]);
    expect(message.errorMessage).toBe("opted_out");
    expect(sentTo(from)).toHaveLength(0);
  });

  it("an ambiguous attempt (sending, no sid, after a crash) adopts the message Twilio already has", async () => {
    await stopWorkerAndBoss();
    const { from, twilioNumber, messageId } = await missedCall();
    const stored = await db.message.findUniqueOrThrow({ where: { id: messageId } });
    // The crashed attempt reached Twilio but died before storing the sid.
    fake.messages.push({
      sid: `SM${"b".repeat(32)}`,
      accountSid,
      to: from,
      from: twilioNumber,
      body: stored.body,
      status: "sent",
      dateCreated: new Date(),
    });
    await db.message.update({
      where: { id: messageId },
      data: { status: "sending", sendAttempts: 1, sendStartedAt: new Date(Date.now() - 5 * 60_000) },
    });
    await restartWorker();
    const { sweepOutboxJob } = await import("@/lib/telephony/sweep-outbox-job");
    await sweepOutboxJob();
    const message = await messageWhen(messageId, ["sent", "delivered"]);
    expect(message.messageSid).toBe(`SM${"b".repeat(32)}`);
    await settled(messageId);
    expect(fake.createRequestsTo(from)).toBe(0); // adopted: the app never asked Twilio to create it
    expect(sentTo(from)).toHaveLength(1);
  });

  it("a restart between accepting the call and sending sends exactly once", async () => {
    await stopWorkerAndBoss();
    const { from, messageId } = await missedCall();
    await stopBoss(); // the process "dies" with the job still queued
    await restartWorker();
    await messageWhen(messageId, ["sent", "delivered"]);
    await settled(messageId);
    expect(sentTo(from)).toHaveLength(1);
  });
});

async function stopWorkerAndBoss() {
  await stopBoss();
  // startWorker() guards against running twice in one process; a new "process" starts it afresh.
  (globalThis as { ringbackWorkerStarted?: boolean }).ringbackWorkerStarted = false;
}

async function restartWorker() {
  (globalThis as { ringbackWorkerStarted?: boolean }).ringbackWorkerStarted = false;
  await startWorker({ pollingIntervalSeconds: 0.5 });
}
