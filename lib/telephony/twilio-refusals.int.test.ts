// The app against a Twilio fake as strict as Twilio: refusals the fake raises by itself (21610 after a STOP that
// Twilio saw, 21211, 21614, 21617) and the status callbacks it sends by itself, signed or forged.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as messageStatus } from "@/app/api/twilio/message-status/route";
import { POST as inboundSms } from "@/app/api/twilio/sms/route";
import { POST as voice } from "@/app/api/twilio/voice/route";
import { queueOutgoingMessage } from "@/lib/conversations/queue-outgoing-message";
import { db } from "@/lib/db/client";
import { env, resetEnvForTests } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { stopBoss } from "@/lib/jobs/boss";
import { startWorker } from "@/lib/jobs/worker";
import { startTwilioFake, type TwilioFake } from "@/test/fakes/twilio-fake";
import { dispatchToRoutes } from "@/test/fakes/twilio-webhook-delivery";
import { createTestBusiness, randomPhone } from "@/test/helpers/business";
import { postInboundSms } from "@/test/helpers/inbound-sms";
import { callSid, signedTwilioRequest } from "@/test/helpers/twilio";
import { waitFor } from "@/test/helpers/wait";

const accountSid = `AC${"d".repeat(32)}`;
const authToken = "strict-fake-auth-token-0123";
let fake: TwilioFake;

beforeAll(async () => {
  fake = await startTwilioFake({
    accountSid,
    authToken,
    dispatchCallback: dispatchToRoutes({ "/api/twilio/message-status": messageStatus, "/api/twilio/sms": inboundSms }),
  });
  process.env.TWILIO_ACCOUNT_SID = accountSid;
  process.env.TWILIO_AUTH_TOKEN = authToken;
  process.env.TWILIO_API_BASE_URL = fake.url;
  // No reconciliation here: it would read the STOP back from Twilio's records and cancel the reply before Twilio can
  // refuse it (lib/reconciliation tests that path); this file tests what Twilio's own refusals do.
  process.env.TWILIO_RECONCILE_INTERVAL_SECONDS = "0";
  resetEnvForTests();
  await startWorker({ pollingIntervalSeconds: 0.5 });
});

afterAll(async () => {
  await stopBoss();
  await fake.close();
  delete process.env.TWILIO_RECONCILE_INTERVAL_SECONDS;
  resetEnvForTests();
});

async function missedCall({ from = randomPhone(), lookupEnabled = false } = {}) {
  const test = await createTestBusiness({ routingMode: "forwarded", lookupEnabled });
  const sid = callSid();
  const response = await voice(
    await signedTwilioRequest("/api/twilio/voice", { CallSid: sid, From: from, To: test.twilioNumber }),
  );
  expect(response.status).toBe(200);
  const call = await db.call.findUniqueOrThrow({ where: { callSid: sid } });
  const thread = await db.thread.findFirstOrThrow({ where: { businessId: test.business.id, lead: { phone: from } } });
  return { ...test, from, call, thread, messageId: call.autoReplyMessageId! };
}

const messageWhen = (id: string, statuses: string[]) =>
  waitFor(
    async () => {
      const message = await db.message.findUniqueOrThrow({ where: { id } });
      return statuses.includes(message.status) ? message : null;
    },
    { timeoutMs: 20_000 },
  );

/** Waits until the send job of a message finished, and returns its states (one job: never retried). */
const sendJobsWhenSettled = (messageId: string) =>
  waitFor(async () => {
    const rows = await db.$queryRaw<{ state: string }[]>`
      SELECT state::text FROM pgboss.job WHERE name = 'send-message' AND data->>'messageId' = ${messageId}`;
    return rows.length > 0 && rows.every((row) => row.state === "completed") ? rows.map((row) => row.state) : null;
  });

const createsTo = (phone: string) => fake.messages.filter((message) => message.to === phone);

describe("the send job against Twilio's own refusals", () => {
  it("a STOP Twilio saw but the app never heard: the next send gets 21610, the lead is opted out, no retry", async () => {
    const { business, from, twilioNumber, thread, messageId } = await missedCall();
    await messageWhen(messageId, ["sent", "delivered"]);
    // The customer texts STOP; Twilio acts on it, but cannot reach the app (its webhook is down).
    const delivery = await fake.receiveText({
      from,
      to: twilioNumber,
      body: "STOP",
      url: `${env().publicBaseUrl}/api/twilio/sms`,
      dispatch: () => Promise.reject(new Error("connection refused")),
    });
    expect(delivery.response).toBeNull();
    expect((await db.lead.findFirstOrThrow({ where: { businessId: business.id, phone: from } })).isOptedOut).toBe(
      false,
    );
    const before = fake.createRequestsTo(from);
    const reply = await queueOutgoingMessage({
      businessId: business.id,
      threadId: thread.id,
      body: "Can we come by at 3?",
      purpose: "manual",
      authorKind: "user",
    });
    const failed = await messageWhen(reply.id, ["failed"]);
    expect(failed).toMatchObject({ errorCode: 21610, messageSid: null });
    expect(await sendJobsWhenSettled(reply.id)).toEqual(["completed"]);
    expect(fake.createRequestsTo(from) - before).toBe(1);
    expect(createsTo(from)).toHaveLength(1); // the auto-reply only
    expect(await db.lead.findFirstOrThrow({ where: { businessId: business.id, phone: from } })).toMatchObject({
      isOptedOut: true,
    });
    expect(
      await db.consentChange.count({
        where: { businessId: business.id, phone: from, source: "twilio_error", action: "opt_out" },
      }),
    ).toBe(1);
  });

  it("STOP and START through the app's webhook reach Twilio too: after START a reply goes out", async () => {
    const { business, from, twilioNumber, thread, messageId } = await missedCall();
    await messageWhen(messageId, ["sent", "delivered"]);
    await postInboundSms({ from, to: twilioNumber, body: "stop" });
    await waitFor(async () => (await db.lead.findFirstOrThrow({ where: { id: thread.leadId } })).isOptedOut);
    await postInboundSms({ from, to: twilioNumber, body: "START" });
    await waitFor(async () => !(await db.lead.findFirstOrThrow({ where: { id: thread.leadId } })).isOptedOut);
    const reply = await queueOutgoingMessage({
      businessId: business.id,
      threadId: thread.id,
      body: "Welcome back, when suits you?",
      purpose: "manual",
      authorKind: "user",
    });
    expect((await messageWhen(reply.id, ["sent", "delivered", "failed"])).status).not.toBe("failed");
  });

  it("21211: a number Twilio calls invalid fails the auto-reply for good, with the reason, asked once", async () => {
    const invalid = randomPhone(); // well-formed, but out of service as far as Twilio knows
    fake.setInvalidNumber(invalid);
    const { from, call, messageId } = await missedCall({ from: invalid });
    const failed = await messageWhen(messageId, ["failed"]);
    expect(failed).toMatchObject({ errorCode: 21211, errorMessage: "Invalid phone number" });
    expect(await sendJobsWhenSettled(messageId)).toEqual(["completed"]);
    expect(fake.createRequestsTo(from)).toBe(1);
    expect(createsTo(from)).toHaveLength(0);
    expect((await db.call.findUniqueOrThrow({ where: { id: call.id } })).skipReason).toBe("rejected");
  });

  it("21614: a landline (Lookup off) fails for good as not a mobile; with Lookup on it is never sent", async () => {
    const landline = randomPhone();
    fake.setLineType(landline, "landline");
    const first = await missedCall({ from: landline });
    expect(await messageWhen(first.messageId, ["failed"])).toMatchObject({
      errorCode: 21614,
      errorMessage: "Not a mobile number (landline)",
    });
    expect(await sendJobsWhenSettled(first.messageId)).toEqual(["completed"]);
    expect(fake.createRequestsTo(landline)).toBe(1);
    expect((await db.call.findUniqueOrThrow({ where: { id: first.call.id } })).skipReason).toBe("landline");

    const other = randomPhone();
    fake.setLineType(other, "landline");
    const second = await missedCall({ from: other, lookupEnabled: true });
    expect(await messageWhen(second.messageId, ["canceled"])).toMatchObject({ errorMessage: "landline" });
    expect(fake.createRequestsTo(landline)).toBe(1);
    expect(fake.createRequestsTo(other)).toBe(0);
    expect((await db.call.findUniqueOrThrow({ where: { id: second.call.id } })).skipReason).toBe("landline");
  });

  it("21617: a text over 1,600 characters is refused before it is stored; 1,600 exactly goes out", async () => {
    const { business, thread, messageId } = await missedCall();
    await messageWhen(messageId, ["sent", "delivered"]);
    const count = await db.message.count({ where: { threadId: thread.id } });
    const refused = await queueOutgoingMessage({
      businessId: business.id,
      threadId: thread.id,
      body: "x".repeat(1601),
      purpose: "manual",
      authorKind: "user",
    }).catch((caught: unknown) => caught);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe("validation_failed");
    expect(await db.message.count({ where: { threadId: thread.id } })).toBe(count);
    const longest = await queueOutgoingMessage({
      businessId: business.id,
      threadId: thread.id,
      body: "y".repeat(1600),
      purpose: "manual",
      authorKind: "user",
    });
    expect((await messageWhen(longest.id, ["sent", "delivered", "failed"])).status).not.toBe("failed");
  });
});

describe("status callbacks the fake sends by itself", () => {
  it("sent and delivered arrive signed: the message ends delivered and the call is stamped", async () => {
    const { call, messageId } = await missedCall();
    const delivered = await messageWhen(messageId, ["delivered"]);
    expect(delivered.deliveredAt).toBeInstanceOf(Date);
    expect((await db.call.findUniqueOrThrow({ where: { id: call.id } })).smsDeliveredAt).toBeInstanceOf(Date);
    const callbacks = fake.sentStatusCallbacks.filter((callback) => callback.messageSid === delivered.messageSid);
    expect(callbacks.map((callback) => [callback.status, callback.responseStatus])).toEqual([
      ["sent", 204],
      ["delivered", 204],
    ]);
    // A Messaging Service also reports `queued` (and `accepted`): behind the stored status, it changes nothing.
    expect((await fake.sendStatusCallback(delivered.messageSid!, "queued")).status).toBe(204);
    expect((await db.message.findUniqueOrThrow({ where: { id: messageId } })).status).toBe("delivered");
  });

  it("a carrier's undelivered 30003 fails the message with the reason", async () => {
    const unreachable = randomPhone();
    fake.setDeliveryOutcome(unreachable, { status: "undelivered", errorCode: 30003 });
    const { messageId } = await missedCall({ from: unreachable });
    expect(await messageWhen(messageId, ["undelivered"])).toMatchObject({
      errorCode: 30003,
      errorMessage: "Unreachable destination handset",
    });
  });

  it("callbacks signed with another token are refused (403) and change nothing", async () => {
    fake.signCallbacksWith("not-the-account-token");
    try {
      const { messageId } = await missedCall();
      const sent = await messageWhen(messageId, ["sent", "delivered"]);
      const callbacks = await waitFor(() => {
        const mine = fake.sentStatusCallbacks.filter((callback) => callback.messageSid === sent.messageSid);
        return mine.length === 2 ? mine : null;
      });
      expect(callbacks.map((callback) => callback.responseStatus)).toEqual([403, 403]);
      expect(await db.message.findUniqueOrThrow({ where: { id: messageId } })).toMatchObject({
        status: "sent",
        deliveredAt: null,
      });
    } finally {
      fake.signCallbacksWith(undefined);
    }
  });
});
