// POST /api/twilio/sms end to end with the scripted assistant (no OPENAI_API_KEY): keywords, opt-out on every
// path, unknown numbers, a plain-words stop request, and the scripted intake filling the lead.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { stopBoss } from "@/lib/jobs/boss";
import { startWorker } from "@/lib/jobs/worker";
import { queueOutgoingMessage } from "@/lib/conversations/queue-outgoing-message";
import { createTestBusiness, randomPhone } from "@/test/helpers/business";
import { aiReplies, postInboundSms, threadOf } from "@/test/helpers/inbound-sms";
import { waitFor } from "@/test/helpers/wait";
import { healthEventsSinceAnHourAgo } from "@/test/helpers/health";

beforeAll(async () => {
  delete process.env.OPENAI_API_KEY;
  await startWorker({ pollingIntervalSeconds: 0.5 });
});
afterAll(async () => stopBoss());

const processed = (threadId: string, count: number) =>
  waitFor(
    async () =>
      (await db.message.count({ where: { threadId, direction: "inbound", processedAt: { not: null } } })) >= count,
  );

describe("POST /api/twilio/sms", () => {
  it("refuses an unsigned request and writes nothing", async () => {
    const { POST } = await import("@/app/api/twilio/sms/route");
    const { signedTwilioRequest } = await import("@/test/helpers/twilio");
    const { twilioNumber } = await createTestBusiness();
    const from = randomPhone();
    const response = await POST(
      await signedTwilioRequest(
        "/api/twilio/sms",
        { MessageSid: "SMbad0000000000", From: from, To: twilioNumber, Body: "hi" },
        { signature: "forged" },
      ),
    );
    expect(response.status).toBe(403);
    expect(await db.message.count({ where: { fromNumber: from } })).toBe(0);
  });

  it("an MMS (NumMedia > 0): the picture URLs are kept, a text-less one previews as [media] and is processed", async () => {
    const { POST } = await import("@/app/api/twilio/sms/route");
    const { signedTwilioRequest } = await import("@/test/helpers/twilio");
    const { messageSid } = await import("@/test/helpers/inbound-sms");
    const { business, twilioNumber } = await createTestBusiness();
    const customer = randomPhone();
    const media = (index: number) =>
      `https://api.twilio.com/2010-04-01/Accounts/ACtest/Messages/MM${"0".repeat(31)}${index}/Media/ME${index}`;
    const mms = (sid: string, params: Record<string, string>) =>
      signedTwilioRequest("/api/twilio/sms", { MessageSid: sid, From: customer, To: twilioNumber, ...params });
    // Twilio's MMS form: NumMedia, then MediaUrlN and MediaContentTypeN for each picture. A URL past NumMedia is not
    // a picture of this message.
    const photoOnly = messageSid();
    const answer = await POST(
      await mms(photoOnly, {
        Body: "",
        NumMedia: "2",
        MediaUrl0: media(0),
        MediaContentType0: "image/jpeg",
        MediaUrl1: media(1),
        MediaContentType1: "image/png",
        MediaUrl2: media(2),
      }),
    );
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain("<Response/>");
    const stored = await db.message.findUniqueOrThrow({ where: { messageSid: photoOnly } });
    expect(stored).toMatchObject({
      direction: "inbound",
      body: "",
      mediaUrls: [media(0), media(1)],
      mediaContentTypes: ["image/jpeg", "image/png"],
    });
    expect((await db.thread.findUniqueOrThrow({ where: { id: stored.threadId } })).lastMessagePreview).toBe("[media]");
    await processed(stored.threadId, 1);

    const withText = messageSid();
    await POST(
      await mms(withText, {
        Body: "This is the leak",
        NumMedia: "1",
        MediaUrl0: media(3),
        MediaContentType0: "image/jpeg",
      }),
    );
    expect(await db.message.findUniqueOrThrow({ where: { messageSid: withText } })).toMatchObject({
      body: "This is the leak",
      mediaUrls: [media(3)],
      mediaContentTypes: ["image/jpeg"],
    });
    expect((await db.thread.findUniqueOrThrow({ where: { id: stored.threadId } })).lastMessagePreview).toBe(
      "This is the leak",
    );
    await processed(stored.threadId, 2);

    // More media than Twilio ever sends (10 at most) is refused, and nothing is stored.
    const tooMany = messageSid();
    expect((await POST(await mms(tooMany, { Body: "", NumMedia: "11" }))).status).toBe(400);
    expect(await db.message.count({ where: { messageSid: tooMany } })).toBe(0);
    expect(await db.message.count({ where: { businessId: business.id, direction: "inbound" } })).toBe(2);
  });

  it("two first texts from a new number at the same moment are both stored, on one lead and one thread", async () => {
    const { business, twilioNumber } = await createTestBusiness();
    const customer = randomPhone();
    const results = await Promise.all(
      ["Hi, is anyone there?", "My basement drain is backing up"].map((body) =>
        postInboundSms({ from: customer, to: twilioNumber, body }),
      ),
    );
    for (const { response } of results) expect(response.status).toBe(200);
    const messages = await db.message.findMany({ where: { businessId: business.id, fromNumber: customer } });
    expect(messages).toHaveLength(2);
    expect(new Set(messages.map((message) => message.threadId)).size).toBe(1);
    expect(await db.lead.count({ where: { businessId: business.id, phone: customer } })).toBe(1);
  });

  it("an unknown To number: empty answer, a health event, nothing stored", async () => {
    const from = randomPhone();
    const before = await healthEventsSinceAnHourAgo("unknown_number");
    const { response } = await postInboundSms({ from, to: "+19995550100", body: "hello" });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("<Response/>");
    expect(await healthEventsSinceAnHourAgo("unknown_number")).toBe(before + 1);
    expect(await db.message.count({ where: { fromNumber: from } })).toBe(0);
  });

  it("STOP opts out with history and no reply; every sending path then refuses; START re-enables; HELP answers", async () => {
    const { business, twilioNumber } = await createTestBusiness();
    const customer = randomPhone();
    const { sid } = await postInboundSms({ from: customer, to: twilioNumber, body: "  stop " });
    const thread = (await threadOf({ businessId: business.id, phone: customer }))!;
    await processed(thread.id, 1);
    const lead = await db.lead.findFirstOrThrow({ where: { businessId: business.id, phone: customer } });
    expect(lead.isOptedOut).toBe(true);
    expect(lead.source).toBe("text");
    expect(await db.consentChange.findFirst({ where: { leadId: lead.id } })).toMatchObject({
      action: "opt_out",
      source: "keyword",
      keyword: "STOP",
      messageSid: sid,
    });
    expect(await db.event.count({ where: { threadId: thread.id, type: "consent.opted_out" } })).toBe(1);

    // the AI path: a later message is stored but nobody answers it
    await postInboundSms({ from: customer, to: twilioNumber, body: "Actually can you fix my sink?" });
    await processed(thread.id, 2);
    // manual and auto paths refuse with a clear error
    for (const purpose of ["manual", "auto_reply", "ai_reply"] as const) {
      const error = await queueOutgoingMessage({
        businessId: business.id,
        threadId: thread.id,
        body: "hi",
        purpose,
        authorKind: purpose === "manual" ? "user" : "system",
      }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("opted_out");
    }
    const { runAiTurn } = await import("@/lib/ai/run-ai-turn");
    await runAiTurn({ threadId: thread.id, reason: "let_ai_handle" });
    expect(await db.message.count({ where: { threadId: thread.id, direction: "outbound" } })).toBe(0);

    await postInboundSms({ from: customer, to: twilioNumber, body: "START" });
    await processed(thread.id, 3);
    expect((await db.lead.findUniqueOrThrow({ where: { id: lead.id } })).isOptedOut).toBe(false);
    expect(await db.consentChange.count({ where: { leadId: lead.id, action: "opt_in", keyword: "START" } })).toBe(1);

    await postInboundSms({ from: customer, to: twilioNumber, body: "Help" });
    await processed(thread.id, 4);
    const help = await db.message.findFirstOrThrow({ where: { threadId: thread.id, purpose: "keyword_reply" } });
    expect(help.body).toContain("Test Plumbing Co");
    expect(help.body).toContain("STOP");
    expect(await aiReplies(thread.id)).toHaveLength(0);
  });

  it("an unclear 'that's enough' flags the thread for a person and the AI stays out", async () => {
    const { business, twilioNumber } = await createTestBusiness();
    const customer = randomPhone();
    await postInboundSms({ from: customer, to: twilioNumber, body: "That's enough" });
    const thread = (await threadOf({ businessId: business.id, phone: customer }))!;
    await processed(thread.id, 1);
    const after = await db.thread.findUniqueOrThrow({ where: { id: thread.id } });
    expect(after).toMatchObject({ mode: "human", isWaitingOnPerson: true });
    expect(await db.lead.count({ where: { id: thread.leadId, isOptedOut: true } })).toBe(0);
    const jobs = await db.$queryRawUnsafe<unknown[]>(
      `SELECT id FROM pgboss.job WHERE name = 'ai-turn' AND singleton_key = $1`,
      thread.id,
    );
    expect(jobs).toHaveLength(0);
  });

  it("a Spanish-speaking customer gets the scripted intake in Spanish, the lead filled from Spanish answers", async () => {
    const { business, twilioNumber } = await createTestBusiness();
    const customer = randomPhone();
    await postInboundSms({ from: customer, to: twilioNumber, body: "Hola, mi calentador de agua está goteando" });
    const thread = (await threadOf({ businessId: business.id, phone: customer }))!;
    const [first] = await waitFor(async () => {
      const r = await aiReplies(thread.id);
      return r.length === 1 ? r : null;
    });
    expect(first!.body).toBe(
      "Hola, le escribe el asistente virtual de Test Plumbing Co. Entendido. ¿Cuál es la dirección donde necesita el trabajo?",
    );
    await postInboundSms({ from: customer, to: twilioNumber, body: "Calle Olmo 12, Austin" });
    const replies = await waitFor(async () => {
      const r = await aiReplies(thread.id);
      return r.length === 2 ? r : null;
    });
    expect(replies[1]!.body).toBe("¿Qué tan urgente es: es una emergencia o puede esperar uno o dos días?");
    expect(await db.lead.findUniqueOrThrow({ where: { id: thread.leadId } })).toMatchObject({
      service: "Water heater",
      address: "Calle Olmo 12, Austin",
      language: "es",
      languageSource: "detected",
    });
  });

  it("keeps the language a person chose over what the texts look like", async () => {
    const { business, twilioNumber } = await createTestBusiness();
    const customer = randomPhone();
    const lead = await db.lead.create({
      data: { businessId: business.id, phone: customer, language: "en", languageSource: "owner" },
    });
    await postInboundSms({ from: customer, to: twilioNumber, body: "Hola, tengo una fuga en la cocina" });
    const thread = (await threadOf({ businessId: business.id, phone: customer }))!;
    const [reply] = await waitFor(async () => {
      const r = await aiReplies(thread.id);
      return r.length === 1 ? r : null;
    });
    expect(reply!.body).toBe(
      "Hi, this is Test Plumbing Co's virtual assistant. Got it. What's the address where you need the work done?",
    );
    expect(await db.lead.findUniqueOrThrow({ where: { id: lead.id } })).toMatchObject({
      language: "en",
      languageSource: "owner",
    });
  });

  it("the scripted assistant asks how urgent a non-emergency job is", async () => {
    const { business, twilioNumber } = await createTestBusiness();
    const customer = randomPhone();
    await postInboundSms({ from: customer, to: twilioNumber, body: "Dripping kitchen faucet" });
    const thread = (await threadOf({ businessId: business.id, phone: customer }))!;
    await waitFor(async () => (await aiReplies(thread.id)).length === 1);
    await postInboundSms({ from: customer, to: twilioNumber, body: "5 Oak Ave" });
    const replies = await waitFor(async () => {
      const r = await aiReplies(thread.id);
      return r.length === 2 ? r : null;
    });
    expect(replies[1]!.body).toMatch(/urgent/);
    await postInboundSms({ from: customer, to: twilioNumber, body: "no rush" });
    await waitFor(async () => (await aiReplies(thread.id)).length === 3);
    expect((await db.lead.findUniqueOrThrow({ where: { id: thread.leadId } })).urgency).toBe("low");
  });

  it("the scripted assistant asks the intake questions, fills the lead, flags an emergency and hands off", async () => {
    const { business, twilioNumber } = await createTestBusiness();
    const customer = randomPhone();
    const say = async (body: string, replies: number) => {
      await postInboundSms({ from: customer, to: twilioNumber, body });
      const thread = (await threadOf({ businessId: business.id, phone: customer }))!;
      return waitFor(async () => {
        const r = await aiReplies(thread.id);
        return r.length >= replies ? r : null;
      });
    };
    let replies = await say("Water is pouring from a burst pipe in the basement", 1);
    expect(replies[0]!.body).toMatch(/alerted the team/);
    expect(replies[0]!.body).toMatch(/address/);
    // the emergency already told us the urgency, so that question is skipped
    replies = await say("12 Elm Street, Springfield", 2);
    expect(replies[1]!.body).toMatch(/good time/);
    replies = await say("this afternoon", 3);
    expect(replies[2]!.body).toMatch(/name/);
    replies = await say("My name is Dana Smith", 4);
    expect(replies[3]!.body).toMatch(/Dana Smith/);
    const lead = await db.lead.findFirstOrThrow({ where: { businessId: business.id, phone: customer } });
    expect(lead).toMatchObject({
      name: "Dana Smith",
      address: "12 Elm Street, Springfield",
      urgency: "emergency",
      preferredTime: "this afternoon",
      status: "qualified",
    });
    const thread = (await threadOf({ businessId: business.id, phone: customer }))!;
    expect(thread).toMatchObject({ mode: "human", isWaitingOnPerson: true });
    expect(await db.notification.count({ where: { threadId: thread.id, kind: "emergency", isUrgent: true } })).toBe(1);
    expect(await db.event.count({ where: { threadId: thread.id, type: "ai.tool_call" } })).toBeGreaterThanOrEqual(6);
  });
});
