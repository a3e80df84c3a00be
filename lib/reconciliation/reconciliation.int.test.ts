// Reconciliation with Twilio's own records, against the Twilio fake's Calls.json and Messages.json: a call or a text
// whose webhook never came is handled once, under the webhook's rules; a late webhook doubles nothing; a call past
// the horizon is recorded, not texted; the checkpoint is kept. A found MMS keeps its media (the message's Media.json),
// served by our media route like the webhook's.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as mediaRoute } from "@/app/api/messages/[id]/media/[index]/route";
import { POST as dialAction } from "@/app/api/twilio/dial-action/route";
import { POST as messageStatus } from "@/app/api/twilio/message-status/route";
import { POST as voice } from "@/app/api/twilio/voice/route";
import { db } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { stopBoss } from "@/lib/jobs/boss";
import { startWorker } from "@/lib/jobs/worker";
import { reconcileBusiness } from "@/lib/reconciliation/reconcile-business";
import { reconcileTwilioJob } from "@/lib/reconciliation/reconcile-job";
import { startTwilioFake, type TwilioFake } from "@/test/fakes/twilio-fake";
import { authedRequest, createTestBusiness, randomPhone, sessionCookie } from "@/test/helpers/business";
import { postInboundSms } from "@/test/helpers/inbound-sms";
import { leaveNoWorkBehind } from "@/test/helpers/leave-no-work-behind";
import { signedTwilioRequest } from "@/test/helpers/twilio";
import { waitFor } from "@/test/helpers/wait";

const accountSid = `AC${"e".repeat(32)}`;
const authToken = "fake-reconcile-token-0123456789";
const startedAt = new Date();
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
  await leaveNoWorkBehind(startedAt);
  await stopBoss();
  await fake.close();
});

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);
const textsTo = (phone: string) => fake.messages.filter((message) => message.to === phone);
/** Waits until Twilio (the fake) has exactly `count` texts to `phone`, then returns them. */
const textedTo = (phone: string, count: number) =>
  waitFor(() => (textsTo(phone).length >= count ? textsTo(phone) : null), { timeoutMs: 20_000 });
const callOf = (sid: string) => db.call.findUnique({ where: { callSid: sid } });

describe("reconciliation with Twilio's Calls list", () => {
  it("a missed call whose webhook never came is texted once, says 'earlier', and is marked as found", async () => {
    const { business, twilioNumber, ownerPhone } = await createTestBusiness({ routingMode: "ring_first" });
    const caller = randomPhone();
    const startTime = minutesAgo(12);
    // Twilio answered it (the fallback's greeting), and the leg to the professional's phone rang out.
    const { call } = fake.callLog.receive({
      from: caller,
      to: twilioNumber,
      status: "completed",
      startTime,
      durationSec: 40,
      dial: { to: ownerPhone, status: "no-answer" },
    });

    const first = await reconcileBusiness(business.id);
    expect(first).toMatchObject({ callsRecovered: 1, callsTexted: 1, answeredRecorded: 0 });
    const stored = await callOf(call.sid);
    expect(stored).toMatchObject({
      detectedBy: "reconciliation",
      isMissed: true,
      missReason: "no-answer",
      skipReason: null,
      status: "missed",
    });
    expect(Math.abs(stored!.createdAt.getTime() - startTime.getTime())).toBeLessThan(1000);
    const [text] = await textedTo(caller, 1);
    expect(text!.body).toContain("missed your call earlier");
    await waitFor(async () => (await callOf(call.sid))?.smsAcceptedAt);

    // Runs again, and the late Dial action of that call: nothing more.
    expect(await reconcileBusiness(business.id)).toMatchObject({ callsRecovered: 0, callsTexted: 0 });
    const late = await dialAction(
      await signedTwilioRequest("/api/twilio/dial-action", {
        CallSid: call.sid,
        From: caller,
        To: twilioNumber,
        DialCallStatus: "no-answer",
      }),
    );
    expect(late.status).toBe(200);
    await reconcileBusiness(business.id);
    expect(textsTo(caller)).toHaveLength(1);
    expect(await db.call.count({ where: { callSid: call.sid } })).toBe(1);
    expect(await db.message.count({ where: { businessId: business.id, purpose: "auto_reply" } })).toBe(1);
    const state = await db.twilioReconciliation.findUniqueOrThrow({ where: { businessId: business.id } });
    expect(state).toMatchObject({ lastRunOk: true, lastError: null });
    expect(state.callsCheckpoint!.getTime()).toBeGreaterThan(startTime.getTime());
  });

  it("calls the webhooks told about are left alone; a call seen start but not end is finished", async () => {
    const { business, twilioNumber, ownerPhone } = await createTestBusiness({ routingMode: "ring_first" });
    // Fully webhooked: voice, then the Dial action (missed): texted once by the webhook path.
    const told = randomPhone();
    const toldCall = fake.callLog.receive({
      from: told,
      to: twilioNumber,
      startTime: minutesAgo(5),
      dial: { to: ownerPhone, status: "busy" },
    }).call;
    const params = { CallSid: toldCall.sid, From: told, To: twilioNumber };
    await voice(await signedTwilioRequest("/api/twilio/voice", params));
    await dialAction(await signedTwilioRequest("/api/twilio/dial-action", { ...params, DialCallStatus: "busy" }));
    // Seen start only: the voice webhook came, then the app went down before the Dial action.
    const halfSeen = randomPhone();
    const halfCall = fake.callLog.receive({
      from: halfSeen,
      to: twilioNumber,
      startTime: minutesAgo(4),
      dial: { to: ownerPhone, status: "completed", durationSec: 3 }, // carrier voicemail picked up
    }).call;
    await voice(
      await signedTwilioRequest("/api/twilio/voice", { CallSid: halfCall.sid, From: halfSeen, To: twilioNumber }),
    );
    // Answered by the professional, never seen: recorded as answered, nobody texted.
    const answered = randomPhone();
    const answeredCall = fake.callLog.receive({
      from: answered,
      to: twilioNumber,
      startTime: minutesAgo(3),
      durationSec: 200,
      dial: { to: ownerPhone, status: "completed", durationSec: 180 },
    }).call;
    // Still ringing: not decided now, and the checkpoint stays before it.
    const ringingStart = minutesAgo(1);
    fake.callLog.receive({ from: randomPhone(), to: twilioNumber, status: "in-progress", startTime: ringingStart });

    const result = await reconcileBusiness(business.id);
    expect(result).toMatchObject({ callsRead: 4, callsRecovered: 1, callsTexted: 1, answeredRecorded: 1 });
    expect(await callOf(halfCall.sid)).toMatchObject({
      detectedBy: "reconciliation",
      missReason: "short_answer",
      dialStatus: "completed",
      dialDurationSec: 3,
    });
    expect(await callOf(answeredCall.sid)).toMatchObject({ isMissed: false, status: "answered" });
    expect(await callOf(toldCall.sid)).toMatchObject({ detectedBy: "webhook", missReason: "busy" });
    await textedTo(told, 1);
    await textedTo(halfSeen, 1);
    expect(textsTo(answered)).toHaveLength(0);
    const state = await db.twilioReconciliation.findUniqueOrThrow({ where: { businessId: business.id } });
    expect(state.callsCheckpoint!.getTime()).toBeLessThanOrEqual(ringingStart.getTime() + 1000);
    expect(textsTo(told)).toHaveLength(1);
  });

  it("the webhook's rules apply: repeat window, opt-out, ignore list", async () => {
    const ignored = randomPhone();
    const { business, twilioNumber } = await createTestBusiness({ routingMode: "forwarded", ignoreList: [ignored] });
    const repeat = randomPhone();
    fake.callLog.receive({ from: repeat, to: twilioNumber, status: "completed", startTime: minutesAgo(20) });
    fake.callLog.receive({ from: repeat, to: twilioNumber, status: "no-answer", startTime: minutesAgo(10) });
    fake.callLog.receive({ from: ignored, to: twilioNumber, status: "busy", startTime: minutesAgo(9) });
    const optedOut = randomPhone();
    await db.lead.create({
      data: { businessId: business.id, phone: optedOut, isOptedOut: true, optedOutAt: new Date() },
    });
    fake.callLog.receive({ from: optedOut, to: twilioNumber, status: "completed", startTime: minutesAgo(8) });

    const result = await reconcileBusiness(business.id);
    expect(result).toMatchObject({ callsRecovered: 4, callsTexted: 1 });
    const calls = await db.call.findMany({ where: { businessId: business.id }, orderBy: { createdAt: "asc" } });
    expect(calls.map((call) => [call.missReason, call.skipReason])).toEqual([
      ["forwarded", null],
      ["no-answer", "repeat_caller"],
      ["busy", "ignored"],
      ["forwarded", "opted_out"],
    ]);
    await textedTo(repeat, 1);
    expect(textsTo(ignored)).toHaveLength(0);
    expect(textsTo(optedOut)).toHaveLength(0);
  });

  it("a missed call older than the horizon is recorded, not texted", async () => {
    const { business, twilioNumber } = await createTestBusiness({ routingMode: "forwarded" });
    // The app was down for three days: the checkpoint is that old.
    await db.twilioReconciliation.create({
      data: { businessId: business.id, callsCheckpoint: minutesAgo(3 * 24 * 60), messagesCheckpoint: new Date() },
    });
    const old = randomPhone();
    const recent = randomPhone();
    const oldCall = fake.callLog.receive({ from: old, to: twilioNumber, startTime: minutesAgo(2 * 24 * 60) }).call;
    fake.callLog.receive({ from: recent, to: twilioNumber, startTime: minutesAgo(23 * 60) });

    const result = await reconcileBusiness(business.id);
    expect(result).toMatchObject({ callsRecovered: 2, callsTexted: 1 });
    expect(await callOf(oldCall.sid)).toMatchObject({
      detectedBy: "reconciliation",
      isMissed: true,
      skipReason: "too_old",
      autoReplyMessageId: null,
    });
    expect(await db.lead.findFirst({ where: { businessId: business.id, phone: old } })).not.toBeNull();
    await textedTo(recent, 1);
    expect(textsTo(old)).toHaveLength(0);
  });

  it("the job records a failed run with a safe message and keeps the checkpoint", async () => {
    const { business, twilioNumber } = await createTestBusiness({ routingMode: "forwarded" });
    const checkpoint = minutesAgo(30);
    await db.twilioReconciliation.create({
      data: { businessId: business.id, callsCheckpoint: checkpoint, messagesCheckpoint: checkpoint },
    });
    process.env.TWILIO_RECONCILE_INTERVAL_SECONDS = "300";
    process.env.TWILIO_API_BASE_URL = "http://127.0.0.1:9"; // nothing listens: the request fails to connect
    resetEnvForTests();
    try {
      await reconcileTwilioJob({ businessId: business.id });
    } finally {
      process.env.TWILIO_RECONCILE_INTERVAL_SECONDS = "0";
      process.env.TWILIO_API_BASE_URL = fake.url;
      resetEnvForTests();
    }
    const state = await db.twilioReconciliation.findUniqueOrThrow({ where: { businessId: business.id } });
    expect(state.lastRunOk).toBe(false);
    expect(state.lastError).toBeTruthy();
    expect(state.lastError).not.toContain(authToken);
    expect(state.callsCheckpoint).toEqual(checkpoint);
    expect(twilioNumber).toBeTruthy();
  });
});

describe("reconciliation with Twilio's Messages list", () => {
  it("a text whose webhook never came is stored and processed once; its late webhook doubles nothing", async () => {
    const { business, twilioNumber } = await createTestBusiness();
    const customer = randomPhone();
    const sentAt = minutesAgo(7);
    const text = fake.inboundMessages.receive({
      from: customer,
      to: twilioNumber,
      body: "Is anyone there?",
      dateSent: sentAt,
    });
    // One the webhook did bring: left alone.
    const told = fake.inboundMessages.receive({ from: customer, to: twilioNumber, body: "Hello?" });
    await postInboundSms({ from: customer, to: twilioNumber, body: "Hello?", sid: told.sid });

    expect(await reconcileBusiness(business.id)).toMatchObject({ messagesRecovered: 1 });
    const stored = await db.message.findUniqueOrThrow({ where: { messageSid: text.sid } });
    expect(stored).toMatchObject({ direction: "inbound", body: "Is anyone there?", fromNumber: customer });
    expect(Math.abs(stored.createdAt.getTime() - sentAt.getTime())).toBeLessThan(1000);
    await waitFor(async () => (await db.message.findUniqueOrThrow({ where: { id: stored.id } })).processedAt);

    expect(await reconcileBusiness(business.id)).toMatchObject({ messagesRecovered: 0 });
    const late = await postInboundSms({ from: customer, to: twilioNumber, body: "Is anyone there?", sid: text.sid });
    expect(late.response.status).toBe(200);
    expect(await db.message.count({ where: { businessId: business.id, direction: "inbound" } })).toBe(2);
    const received = await db.event.count({ where: { businessId: business.id, type: "message.received" } });
    expect(received).toBe(2);
  });

  it("an MMS whose webhook never came is stored with its media, in order, and our media route serves them", async () => {
    const { business, user, twilioNumber } = await createTestBusiness();
    const customer = randomPhone();
    const photo = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
      "base64",
    );
    const quote = Buffer.from("%PDF-1.4\n% the quote\n");
    const mms = fake.inboundMessages.receive({
      from: customer,
      to: twilioNumber,
      body: "Here is the leak",
      dateSent: minutesAgo(6),
      media: [
        { contentType: "image/png", body: photo },
        { contentType: "application/pdf", body: quote },
      ],
    });

    expect(await reconcileBusiness(business.id)).toMatchObject({ messagesRecovered: 1 });
    const stored = await db.message.findUniqueOrThrow({ where: { messageSid: mms.sid } });
    // The webhook's own shape: MediaUrlN on the configured API host, MediaContentTypeN, index for index.
    expect(stored.mediaUrls).toEqual(mms.media.map((item) => item.url));
    expect(stored.mediaUrls[0]).toBe(
      `${fake.url}/2010-04-01/Accounts/${accountSid}/Messages/${mms.sid}/Media/${mms.media[0]!.sid}`,
    );
    expect(stored.mediaContentTypes).toEqual(["image/png", "application/pdf"]);
    expect(stored).toMatchObject({ direction: "inbound", body: "Here is the leak", fromNumber: customer });

    const cookie = await sessionCookie({ userId: user.id, businessId: business.id });
    const served = await Promise.all(
      [0, 1].map(async (index) => {
        const url = `/api/messages/${stored.id}/media/${index}`;
        const response = await mediaRoute(authedRequest(url, { cookie }), {
          params: Promise.resolve({ id: stored.id, index: String(index) }),
        });
        expect(response.status).toBe(200);
        return Buffer.from(await response.arrayBuffer());
      }),
    );
    expect(served[0]!.equals(photo)).toBe(true);
    expect(served[1]!.equals(quote)).toBe(true);
    await waitFor(async () => (await db.message.findUniqueOrThrow({ where: { id: stored.id } })).processedAt);
  });

  it("an MMS whose media cannot be listed waits for the next run; an old one is stored without them", async () => {
    const { business, twilioNumber } = await createTestBusiness();
    const customer = randomPhone();
    const media = [{ contentType: "image/jpeg", body: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2]) }];
    const recent = fake.inboundMessages.receive({
      from: customer,
      to: twilioNumber,
      body: "Photo of the damage",
      dateSent: minutesAgo(3),
      media,
    });
    fake.media.failNextLists(1, { status: 503, code: 20503, message: "Service Unavailable" });

    expect(await reconcileBusiness(business.id)).toMatchObject({ messagesRecovered: 0 });
    expect(await db.message.findUnique({ where: { messageSid: recent.sid } })).toBeNull();
    const state = await db.twilioReconciliation.findUniqueOrThrow({ where: { businessId: business.id } });
    expect(state.messagesCheckpoint!.getTime()).toBeLessThanOrEqual(recent.dateCreated.getTime());

    expect(await reconcileBusiness(business.id)).toMatchObject({ messagesRecovered: 1 });
    const stored = await db.message.findUniqueOrThrow({ where: { messageSid: recent.sid } });
    expect(stored.mediaUrls).toEqual(recent.media.map((item) => item.url));
    expect(stored.mediaContentTypes).toEqual(["image/jpeg"]);

    // Sent two hours ago (the app was down), its media list failing: the words are not held back any longer.
    const old = fake.inboundMessages.receive({
      from: randomPhone(),
      to: twilioNumber,
      body: "Anyone?",
      dateSent: minutesAgo(120),
      media,
    });
    await db.twilioReconciliation.update({
      where: { businessId: business.id },
      data: { messagesCheckpoint: minutesAgo(180) },
    });
    fake.media.failNextLists(1, { status: 503, code: 20503, message: "Service Unavailable" });
    expect(await reconcileBusiness(business.id)).toMatchObject({ messagesRecovered: 1 });
    expect(await db.message.findUniqueOrThrow({ where: { messageSid: old.sid } })).toMatchObject({
      body: "Anyone?",
      mediaUrls: [],
      mediaContentTypes: [],
    });
    await waitFor(async () => (await db.message.findUniqueOrThrow({ where: { messageSid: old.sid } })).processedAt);
  });
});
