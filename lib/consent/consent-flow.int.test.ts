// Consent by any reasonable means, end to end: customers' texts through the signed SMS webhook, sends through the
// Twilio fake, the model through the OpenAI fake. Spanish keywords and clear requests in free text opt out exactly
// like STOP, with one confirmation in the customer's language; a sentence that only contains the word is an ordinary
// message; an unclear one goes to a person. After an opt-out nothing goes out on any path until the customer opts in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as messageStatus } from "@/app/api/twilio/message-status/route";
import { POST as voice } from "@/app/api/twilio/voice/route";
import { GET as getThreadRoute } from "@/app/api/threads/[id]/route";
import { POST as postReply } from "@/app/api/threads/[id]/messages/route";
import { GET as getLeadRoute } from "@/app/api/leads/[id]/route";
import { db } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { stopBoss } from "@/lib/jobs/boss";
import { startWorker } from "@/lib/jobs/worker";
import { runAiTurn } from "@/lib/ai/run-ai-turn";
import { runFollowUp } from "@/lib/conversations/follow-up";
import { startOpenAiFake, type OpenAiFake } from "@/test/fakes/openai-fake";
import { startTwilioFake, type TwilioFake } from "@/test/fakes/twilio-fake";
import { authedRequest, createTestBusiness, randomPhone, sessionCookie } from "@/test/helpers/business";
import { aiReplies, postInboundSms, threadOf } from "@/test/helpers/inbound-sms";
import { callSid, signedTwilioRequest } from "@/test/helpers/twilio";
import { waitFor } from "@/test/helpers/wait";

const accountSid = `AC${"c".repeat(32)}`;
const authToken = "fake-auth-token-consent-0123";
let twilio: TwilioFake;
let model: OpenAiFake;

beforeAll(async () => {
  twilio = await startTwilioFake({ accountSid, authToken, dispatchCallback: (request) => messageStatus(request) });
  model = await startOpenAiFake();
  process.env.TWILIO_ACCOUNT_SID = accountSid;
  process.env.TWILIO_AUTH_TOKEN = authToken;
  process.env.TWILIO_API_BASE_URL = twilio.url;
  process.env.OPENAI_API_KEY = "sk-test";
  process.env.OPENAI_BASE_URL = model.baseUrl;
  process.env.AI_MODEL = "fake-model";
  resetEnvForTests();
  await startWorker({ pollingIntervalSeconds: 0.5 });
});

afterAll(async () => {
  await stopBoss();
  await twilio.close();
  await model.close();
});

const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const sentTo = (phone: string) => twilio.messages.filter((message) => message.to === phone);

async function conversation() {
  const test = await createTestBusiness({ routingMode: "forwarded" });
  const customer = randomPhone();
  const say = async (body: string) => {
    const { sid } = await postInboundSms({ from: customer, to: test.twilioNumber, body });
    const message = await waitFor(() =>
      db.message.findFirst({ where: { messageSid: sid, processedAt: { not: null } } }),
    );
    return message;
  };
  const thread = async () => (await threadOf({ businessId: test.business.id, phone: customer }))!;
  const lead = async () => db.lead.findFirstOrThrow({ where: { businessId: test.business.id, phone: customer } });
  /** every outgoing message of the thread has reached a final state (sent to the fake, or not sent) */
  const settled = async () =>
    waitFor(async () => {
      const pending = await db.message.count({
        where: { lead: { phone: customer }, direction: "outbound", status: { in: ["queued", "sending"] } },
      });
      return pending === 0;
    });
  return { ...test, customer, say, thread, lead, settled };
}

describe("consent by any reasonable means", () => {
  it("'no me manden más mensajes': opted out like STOP, one Spanish confirmation, then nothing on any path", async () => {
    const c = await conversation();
    const words = "No me manden más mensajes por favor";
    const inbound = await c.say(words);
    const lead = await c.lead();
    expect(lead.isOptedOut).toBe(true);
    const change = await db.consentChange.findFirstOrThrow({ where: { leadId: lead.id } });
    expect(change).toMatchObject({
      action: "opt_out",
      source: "free_text",
      reason: words,
      messageId: inbound.id,
      messageSid: inbound.messageSid,
    });
    const [confirmation] = await waitFor(() => (sentTo(c.customer).length === 1 ? sentTo(c.customer) : null));
    expect(confirmation!.body).toContain("Test Plumbing Co");
    expect(confirmation!.body).toContain("COMENZAR");
    expect(confirmation!.body).toMatch(/ya no recibirá/);
    // The fake has the text; its "sent" is stored when the send job's write commits, a moment later, and the fake's
    // "delivered" callback may already have followed it.
    await c.settled();
    const thread = await c.thread();
    expect(await db.message.findFirst({ where: { threadId: thread.id, purpose: "consent_reply" } })).toMatchObject({
      status: expect.stringMatching(/^(sent|delivered)$/),
      authorKind: "system",
    });
    expect(await aiReplies(thread.id)).toHaveLength(0);

    // A manual reply: a clear 409, nothing stored.
    const cookie = await sessionCookie({ userId: c.user.id, businessId: c.business.id });
    const reply = await postReply(
      authedRequest(`/api/threads/${thread.id}/messages`, { cookie, method: "POST", body: { body: "Hello?" } }),
      ctx(thread.id),
    );
    expect(reply.status).toBe(409);
    expect((await reply.json()).error.code).toBe("opted_out");
    // The AI's turn, the follow-up and the auto-reply of a new missed call: nothing.
    await runAiTurn({ threadId: thread.id, reason: "let_ai_handle" });
    await runFollowUp({ threadId: thread.id });
    const sid = callSid();
    await voice(await signedTwilioRequest("/api/twilio/voice", { CallSid: sid, From: c.customer, To: c.twilioNumber }));
    expect(await db.call.findUniqueOrThrow({ where: { callSid: sid } })).toMatchObject({ skipReason: "opted_out" });
    // Another request to stop: recorded, but no second confirmation.
    await c.say("ya no me escriban");
    await c.settled();
    expect(sentTo(c.customer)).toHaveLength(1);
    expect(await db.message.count({ where: { threadId: thread.id, direction: "outbound" } })).toBe(1);

    // The thread and the lead show the customer's own words as the reason.
    const threadBody = await (
      await getThreadRoute(authedRequest(`/api/threads/${thread.id}`, { cookie }), ctx(thread.id))
    ).json();
    expect(threadBody.thread.lead).toMatchObject({
      isOptedOut: true,
      consent: { action: "opt_out", source: "free_text", reason: words, messageId: inbound.id },
    });
    const leadBody = await (
      await getLeadRoute(authedRequest(`/api/leads/${lead.id}`, { cookie }), ctx(lead.id))
    ).json();
    expect(leadBody.consentChanges[0]).toMatchObject({ source: "free_text", reason: words, messageId: inbound.id });
  });

  it("PARAR and COMENZAR work like STOP and START, each confirmed once in Spanish by the app", async () => {
    const c = await conversation();
    await c.say("PARAR");
    expect((await c.lead()).isOptedOut).toBe(true);
    await waitFor(() => sentTo(c.customer).length === 1);
    await c.say("Baja");
    await c.say("COMENZAR");
    expect((await c.lead()).isOptedOut).toBe(false);
    await waitFor(() => sentTo(c.customer).length === 2);
    await c.settled();
    const bodies = sentTo(c.customer).map((message) => message.body);
    expect(bodies[0]).toMatch(/Test Plumbing Co: ya no recibirá.*COMENZAR/);
    expect(bodies[1]).toMatch(/Test Plumbing Co: volverá a recibir.*PARAR/);
    const lead = await c.lead();
    const changes = await db.consentChange.findMany({ where: { leadId: lead.id }, orderBy: { createdAt: "asc" } });
    expect(changes.map((change) => [change.action, change.source, change.keyword])).toEqual([
      ["opt_out", "keyword", "PARAR"],
      ["opt_out", "keyword", "BAJA"],
      ["opt_in", "keyword", "COMENZAR"],
    ]);
    expect(await aiReplies((await c.thread()).id)).toHaveLength(0);
  });

  it("English STOP and START are confirmed by Twilio: the app sends nothing extra", async () => {
    const c = await conversation();
    await c.say("Stop");
    expect((await c.lead()).isOptedOut).toBe(true);
    await c.say("START");
    expect((await c.lead()).isOptedOut).toBe(false);
    await c.settled();
    expect(sentTo(c.customer)).toHaveLength(0);
    expect(await db.message.count({ where: { lead: { phone: c.customer }, direction: "outbound" } })).toBe(0);
  });

  it("'please stop texting me' opts out with one English confirmation; 'yes' from a customer not opted out is an answer", async () => {
    const c = await conversation();
    await c.say("Thanks but please stop texting me");
    expect(await c.lead()).toMatchObject({ isOptedOut: true });
    const [confirmation] = await waitFor(() => (sentTo(c.customer).length === 1 ? sentTo(c.customer) : null));
    expect(confirmation!.body).toBe(
      "Test Plumbing Co: you're unsubscribed and won't get any more texts from us. Reply START to get them again.",
    );

    const other = await conversation();
    model.enqueue({ text: "Great. What's the address for the job?" });
    await other.say("yes");
    const thread = await other.thread();
    expect(await waitFor(async () => (await aiReplies(thread.id)).length === 1)).toBe(true);
    expect(await db.consentChange.count({ where: { leadId: thread.leadId } })).toBe(0);
  });

  it.each(["Can you stop by tomorrow?", "No para de gotear el lavabo"])(
    "'%s' is an ordinary message: the AI answers and nobody is opted out",
    async (body) => {
      const c = await conversation();
      model.enqueue({ text: "Happy to help. What's the address?" });
      await c.say(body);
      const thread = await c.thread();
      await waitFor(async () => (await aiReplies(thread.id)).length === 1);
      expect((await c.lead()).isOptedOut).toBe(false);
      expect(await db.consentChange.count({ where: { leadId: thread.leadId } })).toBe(0);
    },
  );

  it("'enough' is unclear: the AI stops, a person gets the thread, nobody is opted out and nothing is sent", async () => {
    const c = await conversation();
    await c.say("enough");
    const thread = await c.thread();
    expect(thread).toMatchObject({ mode: "human", isWaitingOnPerson: true, windowDeadline: null });
    expect((await c.lead()).isOptedOut).toBe(false);
    expect(await db.notification.count({ where: { threadId: thread.id, kind: "customer_reply" } })).toBe(1);
    const jobs = await db.$queryRawUnsafe<unknown[]>(
      `SELECT id FROM pgboss.job WHERE name = 'ai-turn' AND singleton_key = $1`,
      thread.id,
    );
    expect(jobs).toHaveLength(0);
    await c.settled();
    expect(sentTo(c.customer)).toHaveLength(0);
  });

  it("the model's opt_out tool opts out what the rules could not read, confirms once, and its reply is not sent", async () => {
    const c = await conversation();
    const words = "My husband says we're done with you guys, for good";
    model.enqueue(
      { toolCalls: [{ name: "opt_out", arguments: { reason: "the customer wants no more texts" } }] },
      { text: "Understood, you won't hear from us again." },
    );
    await c.say(words);
    const thread = await c.thread();
    const lead = await waitFor(async () => ((await c.lead()).isOptedOut ? c.lead() : null));
    expect(await db.consentChange.findFirstOrThrow({ where: { leadId: lead.id } })).toMatchObject({
      action: "opt_out",
      source: "ai_tool",
      reason: words,
    });
    await waitFor(() => sentTo(c.customer).length === 1);
    await waitFor(async () =>
      db.event.findFirst({ where: { threadId: thread.id, type: { in: ["ai.abandoned", "ai.usage"] } } }),
    );
    await c.settled();
    expect(sentTo(c.customer)).toHaveLength(1);
    expect(sentTo(c.customer)[0]!.body).toMatch(/Reply START/);
    expect(await aiReplies(thread.id)).toHaveLength(0);
    const tools = (model.requests.at(-1)?.tools ?? model.requests.at(-2)?.tools ?? []) as {
      function: { name: string };
    }[];
    expect(tools.map((tool) => tool.function.name)).toContain("opt_out");
    expect(
      await db.event.count({
        where: { threadId: thread.id, type: "ai.tool_call", payload: { path: ["tool"], equals: "opt_out" } },
      }),
    ).toBe(1);
  });
});
