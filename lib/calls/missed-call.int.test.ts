// Flow 1 through the real routes with signed requests: ring-first outcomes, no silent misses, forwarded mode,
// unknown numbers, idempotency on CallSid and every skip rule.
import { describe, expect, it } from "vitest";
import { POST as dialAction } from "@/app/api/twilio/dial-action/route";
import { POST as voice } from "@/app/api/twilio/voice/route";
import { POST as whisperResult } from "@/app/api/twilio/whisper-result/route";
import { POST as whisper } from "@/app/api/twilio/whisper/route";
import { POST as recording } from "@/app/api/twilio/recording/route";
import { POST as transcription } from "@/app/api/twilio/transcription/route";
import { db } from "@/lib/db/client";
import { createTestBusiness, randomPhone } from "@/test/helpers/business";
import { callSid, signedTwilioRequest } from "@/test/helpers/twilio";
import { CONNECTION_OVERRIDES } from "@/lib/telephony/connection-overrides";
import { healthEventsSinceAnHourAgo } from "@/test/helpers/health";

async function ringThenDial(to: string, from: string, dial: Record<string, string>, sid = callSid()) {
  const answer = await voice(await signedTwilioRequest("/api/twilio/voice", { CallSid: sid, From: from, To: to }));
  expect(answer.status).toBe(200);
  const response = await dialAction(
    await signedTwilioRequest("/api/twilio/dial-action", { CallSid: sid, From: from, To: to, ...dial }),
  );
  expect(response.status).toBe(200);
  const call = await db.call.findUniqueOrThrow({ where: { callSid: sid } });
  return { sid, call, twiml: await response.text(), voiceTwiml: await answer.text() };
}

async function autoReplies(businessId: string, to: string) {
  return db.message.findMany({ where: { businessId, toNumber: to, purpose: "auto_reply" } });
}

async function setup(overrides: Parameters<typeof createTestBusiness>[0] = {}) {
  return createTestBusiness({ name: "Acme Plumbing", ...overrides });
}

describe("ring first", () => {
  it("dials the forward-to number with the ring timeout, caller ID and an action", async () => {
    const { twilioNumber, ownerPhone } = await setup({ ringTimeoutSeconds: 18 });
    const from = randomPhone();
    const { voiceTwiml } = await ringThenDial(twilioNumber, from, {
      DialCallStatus: "completed",
      DialCallDuration: "60",
    });
    expect(voiceTwiml).toContain('timeout="18"');
    expect(voiceTwiml).toContain(`callerId="${from}"`);
    // The Dial action carries the connection overrides (XML-escaped in the TwiML) so Twilio retries a 5xx.
    expect(voiceTwiml).toContain(
      `https://ringback.test/api/twilio/dial-action#${CONNECTION_OVERRIDES.replaceAll("&", "&amp;")}"`,
    );
    expect(voiceTwiml).toContain(ownerPhone);
  });

  it.each(["no-answer", "busy", "failed", "canceled"])(
    "%s is a missed call: call, lead, thread, auto-SMS, greeting",
    async (status) => {
      const { business, twilioNumber } = await setup();
      const from = randomPhone();
      const { call, twiml } = await ringThenDial(twilioNumber, from, { DialCallStatus: status, DialCallDuration: "0" });
      expect(call).toMatchObject({ isMissed: true, missReason: status, skipReason: null });
      expect(call.detectedAt).toBeInstanceOf(Date);
      expect(twiml).toContain("<Say>");
      expect(twiml).toContain("<Record");
      expect(twiml).toContain('transcribe="true"');
      const [message] = await autoReplies(business.id, from);
      expect(message).toMatchObject({ status: "queued", authorKind: "system", fromNumber: twilioNumber });
      expect(message!.body).toContain("Acme Plumbing");
      expect(message!.body).toMatch(/STOP/);
      expect(call.autoReplyMessageId).toBe(message!.id);
      const lead = await db.lead.findUniqueOrThrow({
        where: { businessId_phone: { businessId: business.id, phone: from } },
      });
      const thread = await db.thread.findUniqueOrThrow({ where: { id: call.threadId! } });
      expect(thread).toMatchObject({ leadId: lead.id, mode: "auto" });
      expect(thread.autoTextedAt).toBeInstanceOf(Date);
      expect(await db.event.count({ where: { callId: call.id, type: "call.missed" } })).toBe(1);
      expect(
        await db.notification.count({
          where: { businessId: business.id, threadId: thread.id, kind: "missed_call", isUrgent: true },
        }),
      ).toBe(1);
    },
  );

  it("completed and long enough is answered: no SMS", async () => {
    const { business, twilioNumber } = await setup();
    const from = randomPhone();
    const { call, twiml } = await ringThenDial(twilioNumber, from, {
      DialCallStatus: "completed",
      DialCallDuration: "75",
    });
    expect(call).toMatchObject({ isMissed: false, status: "answered" });
    expect(twiml).not.toContain("<Record");
    expect(await autoReplies(business.id, from)).toHaveLength(0);
    expect(await db.event.count({ where: { callId: call.id, type: "call.answered" } })).toBe(1);
  });

  it("a completed dial shorter than minAnsweredSeconds (carrier voicemail) is missed", async () => {
    const { business, twilioNumber } = await setup({ minAnsweredSeconds: 8 });
    const from = randomPhone();
    const { call } = await ringThenDial(twilioNumber, from, { DialCallStatus: "completed", DialCallDuration: "4" });
    expect(call).toMatchObject({ isMissed: true, missReason: "short_answer" });
    expect(await autoReplies(business.id, from)).toHaveLength(1);
  });

  it("with the whisper screen, completed without pressing 1 is missed; with 1 it is answered", async () => {
    const { business, twilioNumber } = await setup({ whisperEnabled: true });
    const from = randomPhone();
    const missed = await ringThenDial(twilioNumber, from, { DialCallStatus: "completed", DialCallDuration: "40" });
    expect(missed.voiceTwiml).toContain("/api/twilio/whisper?parentCallSid=");
    expect(missed.call).toMatchObject({ isMissed: true, missReason: "not_screened" });

    const other = randomPhone();
    const sid = callSid();
    await voice(await signedTwilioRequest("/api/twilio/voice", { CallSid: sid, From: other, To: twilioNumber }));
    const pressed = await whisperResult(
      await signedTwilioRequest(`/api/twilio/whisper-result?parentCallSid=${sid}`, { CallSid: callSid(), Digits: "1" }),
    );
    expect(pressed.status).toBe(200);
    const answered = await dialAction(
      await signedTwilioRequest("/api/twilio/dial-action", {
        CallSid: sid,
        From: other,
        To: twilioNumber,
        DialCallStatus: "completed",
        DialCallDuration: "40",
      }),
    );
    expect(answered.status).toBe(200);
    expect(await db.call.findUniqueOrThrow({ where: { callSid: sid } })).toMatchObject({ isMissed: false });
    expect(await autoReplies(business.id, other)).toHaveLength(0);
  });
});

describe("the whisper TwiML", () => {
  /** The path and query of a callback URL in TwiML (XML-escaped, with the connection-overrides fragment). */
  const pathOf = (url: string) => {
    const parsed = new URL(url.replaceAll("&amp;", "&"));
    return `${parsed.pathname}${parsed.search}`;
  };

  it("the professional hears the business's name and 'press 1'; the key press is reported for this call", async () => {
    const { twilioNumber } = await setup({ whisperEnabled: true });
    const sid = callSid();
    const answer = await voice(
      await signedTwilioRequest("/api/twilio/voice", { CallSid: sid, From: randomPhone(), To: twilioNumber }),
    );
    // The Dial's <Number url="…"> is what Twilio fetches when the professional picks up: follow it as Twilio would.
    const numberUrl = /<Number [^>]*url="([^"]+)"/.exec(await answer.text())?.[1];
    expect(numberUrl).toBeDefined();
    const whisperPath = pathOf(numberUrl!);
    expect(whisperPath).toBe(`/api/twilio/whisper?parentCallSid=${sid}`);
    const response = await whisper(await signedTwilioRequest(whisperPath, { CallSid: callSid(), To: randomPhone() }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/xml");
    const twiml = await response.text();
    // A one-digit Gather that says who is calling, posts the digit back, and hangs up when nothing is pressed.
    const [, attributes = "", content = ""] = /<Gather ([^>]*)>(.*)<\/Gather>/.exec(twiml) ?? [];
    expect(attributes, twiml).toContain('numDigits="1"');
    expect(attributes).toContain('method="POST"');
    expect(content).toBe("<Say>Call for Acme Plumbing. Press 1 to take it.</Say>");
    const action = /action="([^"]+)"/.exec(attributes)?.[1] ?? "";
    expect(action).toContain(`#${CONNECTION_OVERRIDES.replaceAll("&", "&amp;")}`);
    expect(pathOf(action)).toBe(`/api/twilio/whisper-result?parentCallSid=${sid}`);
    expect(twiml).toMatch(/<\/Gather><Hangup\/><\/Response>$/);
    // The digit posted to that action marks this call screened.
    await whisperResult(await signedTwilioRequest(pathOf(action), { CallSid: callSid(), Digits: "1" }));
    expect((await db.call.findUniqueOrThrow({ where: { callSid: sid } })).screenedAt).toBeInstanceOf(Date);
  });

  it("for a call it does not know, the whisper only hangs up", async () => {
    const response = await whisper(
      await signedTwilioRequest(`/api/twilio/whisper?parentCallSid=${callSid()}`, { CallSid: callSid() }),
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/<Response><Hangup\/><\/Response>$/);
  });
});

describe("forwarded mode and unknown numbers", () => {
  it("every call to a forwarded business is missed at once", async () => {
    const { business, twilioNumber } = await setup({ routingMode: "forwarded" });
    const from = randomPhone();
    const sid = callSid();
    const response = await voice(
      await signedTwilioRequest("/api/twilio/voice", { CallSid: sid, From: from, To: twilioNumber }),
    );
    const twiml = await response.text();
    expect(twiml).not.toContain("<Dial");
    expect(twiml).toContain("<Record");
    expect(await db.call.findUniqueOrThrow({ where: { callSid: sid } })).toMatchObject({
      isMissed: true,
      missReason: "forwarded",
    });
    expect(await autoReplies(business.id, from)).toHaveLength(1);
  });

  it("texts in the business's language choice, and a customer whose language is known in theirs", async () => {
    const { business, twilioNumber } = await setup({ routingMode: "forwarded", autoReplyLanguage: "en+es" });
    const missCall = async (from: string) => {
      await voice(await signedTwilioRequest("/api/twilio/voice", { CallSid: callSid(), From: from, To: twilioNumber }));
      return (await autoReplies(business.id, from))[0]!.body;
    };
    const newCaller = randomPhone();
    const both = await missCall(newCaller);
    expect(both).toContain("Reply STOP to opt out.");
    expect(both).toContain("Responda PARAR para no recibir más mensajes.");
    const spanishSpeaker = randomPhone();
    await db.lead.create({
      data: { businessId: business.id, phone: spanishSpeaker, language: "es", languageSource: "detected" },
    });
    const spanish = await missCall(spanishSpeaker);
    expect(spanish).toMatch(/^Hola, le escribe Acme Plumbing\./);
    expect(spanish).not.toContain("STOP");
  });

  it("an unknown To number gets a polite answer, a health event, and nothing written", async () => {
    const sid = callSid();
    const unknownBefore = await healthEventsSinceAnHourAgo("unknown_number");
    const response = await voice(
      await signedTwilioRequest("/api/twilio/voice", { CallSid: sid, From: randomPhone(), To: "+19995550123" }),
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("<Say>");
    expect(await db.call.count({ where: { callSid: sid } })).toBe(0);
    expect(await healthEventsSinceAnHourAgo("unknown_number")).toBe(unknownBefore + 1);
  });
});

describe("idempotency", () => {
  it("the same missed CallSid 5 times concurrently: one call, one message, one send job", async () => {
    const { business, twilioNumber } = await setup({ routingMode: "forwarded" });
    const from = randomPhone();
    const sid = callSid();
    const responses = await Promise.all(
      Array.from({ length: 5 }, async () =>
        voice(await signedTwilioRequest("/api/twilio/voice", { CallSid: sid, From: from, To: twilioNumber })),
      ),
    );
    for (const response of responses) expect(response.status).toBe(200);
    expect(await db.call.count({ where: { callSid: sid } })).toBe(1);
    const messages = await autoReplies(business.id, from);
    expect(messages).toHaveLength(1);
    const jobs = await db.$queryRaw<{ count: bigint }[]>`
      SELECT count(*) FROM pgboss.job WHERE name = 'send-message' AND data->>'messageId' = ${messages[0]!.id}`;
    expect(Number(jobs[0]!.count)).toBe(1);
    expect(await db.event.count({ where: { businessId: business.id, type: "call.missed" } })).toBe(1);
  });

  it("a repeated Dial action changes nothing", async () => {
    const { business, twilioNumber } = await setup();
    const from = randomPhone();
    const { sid } = await ringThenDial(twilioNumber, from, { DialCallStatus: "busy" });
    await dialAction(
      await signedTwilioRequest("/api/twilio/dial-action", {
        CallSid: sid,
        From: from,
        To: twilioNumber,
        DialCallStatus: "busy",
      }),
    );
    expect(await autoReplies(business.id, from)).toHaveLength(1);
    expect(await db.notification.count({ where: { businessId: business.id } })).toBe(1);
  });

  it("the same missed Dial action 5 times concurrently (its lead locked with its call): one lead, one text", async () => {
    const { business, twilioNumber } = await setup();
    const from = randomPhone();
    const sid = callSid();
    await voice(await signedTwilioRequest("/api/twilio/voice", { CallSid: sid, From: from, To: twilioNumber }));
    const params = { CallSid: sid, From: from, To: twilioNumber, DialCallStatus: "no-answer" };
    const responses = await Promise.all(
      Array.from({ length: 5 }, async () => dialAction(await signedTwilioRequest("/api/twilio/dial-action", params))),
    );
    for (const response of responses) expect(response.status).toBe(200);
    expect(await db.lead.count({ where: { businessId: business.id, phone: from } })).toBe(1);
    expect(await db.thread.count({ where: { businessId: business.id } })).toBe(1);
    const [message] = await autoReplies(business.id, from);
    expect(await autoReplies(business.id, from)).toHaveLength(1);
    expect(await db.call.findUniqueOrThrow({ where: { callSid: sid } })).toMatchObject({
      isMissed: true,
      autoReplyMessageId: message!.id,
    });
    expect(await db.event.count({ where: { businessId: business.id, type: "call.missed" } })).toBe(1);
    expect(await db.event.count({ where: { businessId: business.id, type: "lead.created" } })).toBeLessThanOrEqual(1);
  });

  it("two calls from one new number missed at the same moment: one lead, one thread, texted once", async () => {
    // The first creates the lead and inserts its thread with its commit; the second waits on the lead, then finds
    // that thread (and the auto-reply just queued: a repeat caller).
    const { business, twilioNumber } = await setup();
    const from = randomPhone();
    const sids = [callSid(), callSid()];
    for (const sid of sids) {
      await voice(await signedTwilioRequest("/api/twilio/voice", { CallSid: sid, From: from, To: twilioNumber }));
    }
    const responses = await Promise.all(
      sids.map(async (sid) =>
        dialAction(
          await signedTwilioRequest("/api/twilio/dial-action", {
            CallSid: sid,
            From: from,
            To: twilioNumber,
            DialCallStatus: "no-answer",
          }),
        ),
      ),
    );
    for (const response of responses) expect(response.status).toBe(200);
    expect(await db.lead.count({ where: { businessId: business.id, phone: from } })).toBe(1);
    const threads = await db.thread.findMany({ where: { businessId: business.id } });
    expect(threads).toHaveLength(1);
    expect(await autoReplies(business.id, from)).toHaveLength(1);
    const calls = await db.call.findMany({ where: { callSid: { in: sids } } });
    expect(calls.map((call) => call.threadId)).toEqual([threads[0]!.id, threads[0]!.id]);
    expect(calls.filter((call) => call.skipReason === "repeat_caller")).toHaveLength(1);
  });
});

describe("skip rules (each recorded with its reason, no SMS)", () => {
  async function missedFrom(
    from: string,
    overrides: Parameters<typeof createTestBusiness>[0] = {},
    prepare?: (businessId: string) => Promise<void>,
  ) {
    const test = await setup({ routingMode: "forwarded", ...overrides });
    await prepare?.(test.business.id);
    const sid = callSid();
    await voice(await signedTwilioRequest("/api/twilio/voice", { CallSid: sid, From: from, To: test.twilioNumber }));
    const call = await db.call.findUniqueOrThrow({ where: { callSid: sid } });
    const messages = await db.message.count({ where: { businessId: test.business.id, purpose: "auto_reply" } });
    return { call, messages, ...test };
  }

  it.each([
    ["anonymous", "anonymous"],
    ["anonymous", "+266696687"],
    ["invalid_number", "+1555"],
  ])("%s (%s)", async (reason, from) => {
    const { call, messages } = await missedFrom(from);
    expect(call).toMatchObject({ isMissed: true, skipReason: reason, leadId: null });
    expect(messages).toBe(0);
  });

  it("opted_out", async () => {
    const from = randomPhone();
    const { call, messages } = await missedFrom(from, {}, async (businessId) => {
      await db.lead.create({ data: { businessId, phone: from, isOptedOut: true, optedOutAt: new Date() } });
    });
    expect(call.skipReason).toBe("opted_out");
    expect(call.threadId).not.toBeNull();
    expect(messages).toBe(0);
  });

  it("ignored", async () => {
    const from = randomPhone();
    const { call, messages } = await missedFrom(from, { ignoreList: [from] });
    expect(call.skipReason).toBe("ignored");
    expect(messages).toBe(0);
  });

  it("own_number: the forward-to number, a member's phone, the business's own Twilio number", async () => {
    const ownForward = randomPhone();
    const first = await missedFrom(ownForward, { forwardTo: ownForward });
    expect(first.call.skipReason).toBe("own_number");
    const test = await setup({ routingMode: "forwarded" });
    for (const from of [test.ownerPhone, test.twilioNumber]) {
      const sid = callSid();
      await voice(await signedTwilioRequest("/api/twilio/voice", { CallSid: sid, From: from, To: test.twilioNumber }));
      expect(await db.call.findUniqueOrThrow({ where: { callSid: sid } })).toMatchObject({ skipReason: "own_number" });
    }
    expect(await db.message.count({ where: { businessId: test.business.id } })).toBe(0);
  });

  it("repeat_caller within the window: noted in the thread, notification says called again", async () => {
    const { business, twilioNumber } = await setup({ routingMode: "forwarded", repeatWindowMinutes: 30 });
    const from = randomPhone();
    for (let index = 0; index < 2; index += 1) {
      await voice(await signedTwilioRequest("/api/twilio/voice", { CallSid: callSid(), From: from, To: twilioNumber }));
    }
    const calls = await db.call.findMany({ where: { businessId: business.id }, orderBy: { createdAt: "asc" } });
    expect(calls.map((call) => call.skipReason)).toEqual([null, "repeat_caller"]);
    expect(calls[1]!.isRepeat).toBe(true);
    expect(calls[1]!.threadId).toBe(calls[0]!.threadId);
    expect(await autoReplies(business.id, from)).toHaveLength(1);
    const notification = await db.notification.findFirstOrThrow({
      where: { businessId: business.id, kind: "called_again" },
    });
    expect(notification.title).toContain("called again");
  });

  it("outside the repeat window a second call texts again", async () => {
    const { business, twilioNumber } = await setup({ routingMode: "forwarded", repeatWindowMinutes: 30 });
    const from = randomPhone();
    await voice(await signedTwilioRequest("/api/twilio/voice", { CallSid: callSid(), From: from, To: twilioNumber }));
    await db.message.updateMany({
      where: { businessId: business.id },
      data: { createdAt: new Date(Date.now() - 31 * 60_000) },
    });
    await voice(await signedTwilioRequest("/api/twilio/voice", { CallSid: callSid(), From: from, To: twilioNumber }));
    expect(await autoReplies(business.id, from)).toHaveLength(2);
  });
});

describe("voicemail", () => {
  it("the recording and its transcript join the thread, once", async () => {
    const { twilioNumber } = await setup({ routingMode: "forwarded" });
    const sid = callSid();
    await voice(
      await signedTwilioRequest("/api/twilio/voice", { CallSid: sid, From: randomPhone(), To: twilioNumber }),
    );
    const params = {
      CallSid: sid,
      RecordingSid: `RE${"1".repeat(32)}`,
      RecordingUrl: "https://api.twilio.com/rec/RE1",
      RecordingDuration: "14",
    };
    for (let index = 0; index < 2; index += 1)
      expect((await recording(await signedTwilioRequest("/api/twilio/recording", params))).status).toBe(200);
    await transcription(
      await signedTwilioRequest("/api/twilio/transcription", {
        CallSid: sid,
        TranscriptionText: "My sink is leaking",
        TranscriptionStatus: "completed",
      }),
    );
    const call = await db.call.findUniqueOrThrow({ where: { callSid: sid } });
    expect(call).toMatchObject({
      voicemailUrl: "https://api.twilio.com/rec/RE1",
      voicemailDurationSec: 14,
      voicemailTranscript: "My sink is leaking",
    });
    expect(await db.event.count({ where: { callId: call.id, type: "call.voicemail", threadId: call.threadId } })).toBe(
      2,
    );
  });
});
