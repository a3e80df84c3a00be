// "AI suggests, I approve" end to end, against the OpenAI fake, the Twilio fake and the push fake: the AI's reply
// waits as a draft, the team is notified with it, and a person sends (as written or edited) or discards it. Sending
// is exactly once whoever races; a takeover, a manual reply or a new customer message makes a draft stale; consent
// and the reply guard are checked again at approval; the auto-send delay runs as a durable job.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as messageStatus } from "@/app/api/twilio/message-status/route";
import { GET as getThreadRoute } from "@/app/api/threads/[id]/route";
import { DELETE as discardRoute } from "@/app/api/threads/[id]/draft/route";
import { POST as sendRoute } from "@/app/api/threads/[id]/draft/send/route";
import { POST as takeoverRoute } from "@/app/api/threads/[id]/takeover/route";
import { POST as replyRoute } from "@/app/api/threads/[id]/messages/route";
import { resetEnvForTests } from "@/lib/env";
import { startOpenAiFake, type OpenAiFake } from "@/test/fakes/openai-fake";
import { startPushFake, type PushFake } from "@/test/fakes/push-fake";
import { startTwilioFake, type TwilioFake } from "@/test/fakes/twilio-fake";

const accountSid = `AC${"d".repeat(32)}`;
const authToken = "fake-auth-token-drafts-0123";
let ai: OpenAiFake;
let twilio: TwilioFake;
let push: PushFake;

beforeAll(async () => {
  ai = await startOpenAiFake();
  push = await startPushFake();
  twilio = await startTwilioFake({ accountSid, authToken, dispatchCallback: (request) => messageStatus(request) });
  process.env.OPENAI_API_KEY = "sk-test";
  process.env.OPENAI_BASE_URL = ai.baseUrl;
  process.env.AI_MODEL = "fake-model";
  process.env.TWILIO_ACCOUNT_SID = accountSid;
  process.env.TWILIO_AUTH_TOKEN = authToken;
  process.env.TWILIO_API_BASE_URL = twilio.url;
  resetEnvForTests();
  const { startWorker } = await import("@/lib/jobs/worker");
  await startWorker({ pollingIntervalSeconds: 0.5 });
});

afterAll(async () => {
  const { stopBoss } = await import("@/lib/jobs/boss");
  await stopBoss();
  await Promise.all([ai.close(), twilio.close(), push.close()]);
});

// Each test runs a whole conversation through the worker (the model, the send job, status callbacks): on a loaded
// machine that takes longer than the default 30 s.
describe("AI drafts the pro approves", { timeout: 90_000 }, async () => {
  const { db } = await import("@/lib/db/client");
  const { createTestBusiness, randomPhone, sessionCookie, authedRequest } = await import("@/test/helpers/business");
  const { postInboundSms, threadOf, aiReplies } = await import("@/test/helpers/inbound-sms");
  const { waitFor } = await import("@/test/helpers/wait");
  const { registerPushSubscription } = await import("@/lib/notifications/push-subscriptions");

  let devices = 0;
  async function setup(overrides: Parameters<typeof createTestBusiness>[0] = {}) {
    // Drafts as the model wrote them: the introduction of a thread's first AI message has its own test below.
    const created = await createTestBusiness({ aiReplyMode: "approve", aiDisclosure: false, ...overrides });
    const path = `/drafts/${++devices}`;
    const subscription = push.subscription(path);
    await registerPushSubscription({
      businessId: created.business.id,
      userId: created.user.id,
      endpoint: subscription.endpoint,
      ...subscription.keys,
    });
    const cookie = await sessionCookie({ userId: created.user.id, businessId: created.business.id });
    return { ...created, customer: randomPhone(), cookie, pushPath: path };
  }

  async function addMember(businessId: string) {
    const user = await db.user.create({
      data: { email: `member-${Date.now()}-${devices}@example.test`, name: "Manny Member", passwordHash: "x" },
    });
    await db.membership.create({ data: { userId: user.id, businessId, role: "member" } });
    return { user, cookie: await sessionCookie({ userId: user.id, businessId }) };
  }

  const pendingDraft = (threadId: string) =>
    waitFor(() => db.aiDraft.findFirst({ where: { threadId, status: "pending" } }), { timeoutMs: 20_000 });

  async function draftedConversation(body = "My kitchen sink is leaking", options: Parameters<typeof setup>[0] = {}) {
    const test = await setup(options);
    await postInboundSms({ from: test.customer, to: test.twilioNumber, body });
    const thread = await waitFor(() => threadOf({ businessId: test.business.id, phone: test.customer }));
    const draft = await pendingDraft(thread.id);
    return { ...test, thread, draft };
  }

  const context = (threadId: string) => ({ params: Promise.resolve({ id: threadId }) });
  const send = (cookie: string, threadId: string, body?: unknown, query = "") =>
    sendRoute(
      authedRequest(`/api/threads/${threadId}/draft/send${query}`, { cookie, method: "POST", body }),
      context(threadId),
    );
  const smsTo = (phone: string) => twilio.messages.filter((message) => message.to === phone);
  /** every outgoing message of the thread has reached Twilio (or failed): nothing is still on its way */
  const settled = (threadId: string) =>
    waitFor(
      async () =>
        (await db.message.count({
          where: { threadId, direction: "outbound", status: { in: ["queued", "sending"] } },
        })) === 0,
      { timeoutMs: 20_000 },
    );
  const eventsOf = (threadId: string, type: string) =>
    db.event.findMany({ where: { threadId, type }, orderBy: { id: "asc" } });

  it("writes a draft instead of sending, pushes it with its id, and sends it once when approved", async () => {
    ai.enqueue({ text: "Sorry about the leak! What's the address?" });
    const { business, user, cookie, customer, thread, draft, pushPath } = await draftedConversation();
    expect(draft.body).toBe("Sorry about the leak! What's the address?");
    expect(await aiReplies(thread.id)).toHaveLength(0);
    expect(smsTo(customer)).toHaveLength(0);

    const notification = await db.notification.findFirstOrThrow({ where: { threadId: thread.id, kind: "ai_draft" } });
    expect(notification).toMatchObject({ userId: user.id, draftId: draft.id, body: draft.body });
    // The customer's text was pushed first ("… replied"); the draft's push follows under the same thread tag, so
    // on the phone it replaces that one. Exactly one push offers the draft, and it carries the draft's id.
    const draftPushes = () =>
      push.payloadsFor(pushPath).filter((payload) => (payload as { kind?: string } | null)?.kind === "ai_draft");
    await waitFor(() => draftPushes().length === 1);
    expect(draftPushes()[0]).toMatchObject({
      draftId: draft.id,
      body: draft.body,
      url: `/inbox/${thread.id}?draft=edit`,
    });
    const [created] = await eventsOf(thread.id, "draft.created");
    expect(created).toMatchObject({
      actorKind: "ai",
      payload: { draftId: draft.id, body: draft.body, autoSendAt: null },
    });

    const read = await getThreadRoute(authedRequest(`/api/threads/${thread.id}`, { cookie }), context(thread.id));
    expect((await read.json()).thread.draft).toMatchObject({ id: draft.id, body: draft.body });

    const approved = await send(cookie, thread.id, { draftId: draft.id }, "?via=push");
    expect(approved.status).toBe(200);
    expect(await approved.json()).toMatchObject({ draft: { id: draft.id, status: "sent", isEdited: false } });
    await settled(thread.id);
    expect(smsTo(customer).map((sms) => sms.body)).toEqual(["Sorry about the leak! What's the address?"]);
    const [reply] = await aiReplies(thread.id);
    // Sent, or already delivered when the fake's callback came first.
    expect(reply).toMatchObject({
      authorKind: "ai",
      authorUserId: user.id,
      status: expect.stringMatching(/^(sent|delivered)$/),
    });
    const [sent] = await eventsOf(thread.id, "draft.sent");
    expect(sent).toMatchObject({
      actorKind: "user",
      actorUserId: user.id,
      payload: { draftId: draft.id, via: "push", isEdited: false, messageIds: [reply!.id] },
    });

    const again = await send(cookie, thread.id);
    expect(again.status).toBe(409);
    expect((await again.json()).error.message).toMatch(/already sent or discarded/);
    const after = await db.thread.findUniqueOrThrow({ where: { id: thread.id } });
    expect(after).toMatchObject({ mode: "ai", isWaitingOnPerson: false, aiGenerationId: null });
    expect(business.aiReplyMode).toBe("approve");
  });

  it("sends the person's edit, logging the AI's text and the edit with who did it", async () => {
    ai.enqueue({ text: "We can come by. What's the address?" });
    const { user, cookie, customer, thread, draft } = await draftedConversation();
    const response = await send(cookie, thread.id, { body: "I can come by this afternoon. What's the address?" });
    expect(response.status).toBe(200);
    await settled(thread.id);
    expect(smsTo(customer).map((sms) => sms.body)).toEqual(["I can come by this afternoon. What's the address?"]);
    const [edited] = await eventsOf(thread.id, "draft.edited");
    expect(edited).toMatchObject({
      actorUserId: user.id,
      payload: {
        draftId: draft.id,
        previousBody: draft.body,
        body: "I can come by this afternoon. What's the address?",
      },
    });
    expect((await eventsOf(thread.id, "draft.sent"))[0]!.payload).toMatchObject({ via: "thread", isEdited: true });
    const stored = await db.aiDraft.findUniqueOrThrow({ where: { id: draft.id } });
    expect(stored).toMatchObject({ status: "sent", sentBody: "I can come by this afternoon. What's the address?" });
  });

  it("a takeover discards the draft: nothing is sent, and Send answers 409", async () => {
    const { user, cookie, customer, thread, draft } = await draftedConversation();
    const takeover = await takeoverRoute(
      authedRequest(`/api/threads/${thread.id}/takeover`, { cookie, method: "POST" }),
      context(thread.id),
    );
    expect(takeover.status).toBe(200);
    expect(await db.aiDraft.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({
      status: "discarded",
      resolution: "taken_over",
      resolvedByUserId: user.id,
    });
    const [discarded] = await eventsOf(thread.id, "draft.discarded");
    expect(discarded).toMatchObject({ actorUserId: user.id, payload: { draftId: draft.id, reason: "taken_over" } });
    expect((await send(cookie, thread.id)).status).toBe(409);
    const read = await getThreadRoute(authedRequest(`/api/threads/${thread.id}`, { cookie }), context(thread.id));
    expect((await read.json()).thread.draft).toBeNull();
    expect(smsTo(customer)).toHaveLength(0);
  });

  it("a manual reply discards the draft; only the person's reply goes out", async () => {
    const { cookie, customer, thread, draft } = await draftedConversation();
    const reply = await replyRoute(
      authedRequest(`/api/threads/${thread.id}/messages`, { cookie, method: "POST", body: { body: "On it, Sam" } }),
      context(thread.id),
    );
    expect(reply.status).toBe(201);
    expect(await db.aiDraft.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({
      status: "discarded",
      resolution: "manual_reply",
    });
    await settled(thread.id);
    expect(smsTo(customer).map((sms) => sms.body)).toEqual(["On it, Sam"]);
  });

  it("a new customer message discards the stale draft and the AI drafts again, seeing both messages", async () => {
    ai.enqueue({ text: "Got it. Where is the leak?" }, { text: "Thanks, under the sink. What's the address?" });
    const { cookie, customer, twilioNumber, thread, draft } = await draftedConversation("Hi, I have a leak");
    const before = ai.requests.length;
    await postInboundSms({ from: customer, to: twilioNumber, body: "It's under the kitchen sink" });
    const next = await waitFor(
      () => db.aiDraft.findFirst({ where: { threadId: thread.id, status: "pending", id: { not: draft.id } } }),
      { timeoutMs: 20_000 },
    );
    expect(next.body).toBe("Thanks, under the sink. What's the address?");
    expect(await db.aiDraft.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({
      status: "discarded",
      resolution: "customer_message",
    });
    const [discarded] = await eventsOf(thread.id, "draft.discarded");
    expect(discarded).toMatchObject({ actorKind: "customer", payload: { reason: "customer_message" } });
    expect(ai.requests.length - before).toBe(1);
    const users = ai.requests.at(-1)!.messages.filter((message) => message.role === "user");
    expect(users.map((message) => message.content)).toEqual(["Hi, I have a leak", "It's under the kitchen sink"]);
    // The old draft is gone for good: sending it by its id is refused, the new one goes out.
    expect((await send(cookie, thread.id, { draftId: draft.id })).status).toBe(409);
    expect((await send(cookie, thread.id, { draftId: next.id })).status).toBe(200);
    await settled(thread.id);
    expect(smsTo(customer).map((sms) => sms.body)).toEqual(["Thanks, under the sink. What's the address?"]);
  });

  it("the first draft of a thread introduces the assistant; once one was sent, the next draft does not", async () => {
    ai.enqueue({ text: "Where is the leak?" }, { text: "Thanks. What's the address?" });
    // A name with a run of digits: the reply guard must read it as the business's own, not a phone number.
    const { business, cookie, customer, twilioNumber, thread, draft } = await draftedConversation("I have a leak", {
      aiDisclosure: true,
      name: "Plumbing 1796035623759",
    });
    expect(draft.body).toBe(`Hi, this is ${business.name}'s virtual assistant. Where is the leak?`);
    expect((await send(cookie, thread.id, { draftId: draft.id })).status).toBe(200);
    await settled(thread.id);
    await postInboundSms({ from: customer, to: twilioNumber, body: "Under the kitchen sink" });
    const next = await waitFor(
      () => db.aiDraft.findFirst({ where: { threadId: thread.id, status: "pending", id: { not: draft.id } } }),
      { timeoutMs: 20_000 },
    );
    expect(next.body).toBe("Thanks. What's the address?");
  });

  it("two members and a double tap approving at once send one SMS; the others get 409", async () => {
    const { business, cookie, customer, thread, draft } = await draftedConversation();
    const member = await addMember(business.id);
    const answers = await Promise.all([
      send(cookie, thread.id),
      send(cookie, thread.id),
      send(member.cookie, thread.id, { body: "Edited by Manny: what's the address?" }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409, 409]);
    await settled(thread.id);
    expect(smsTo(customer)).toHaveLength(1);
    expect(await db.message.count({ where: { threadId: thread.id, purpose: "ai_reply" } })).toBe(1);
    expect(await db.aiDraft.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ status: "sent" });
    expect(await eventsOf(thread.id, "draft.sent")).toHaveLength(1);
  });

  it("a Send racing a Discard: exactly one of them wins, and an SMS goes out only if the Send did", async () => {
    const { business, cookie, customer, thread } = await draftedConversation();
    const member = await addMember(business.id);
    const [sent, discarded] = await Promise.all([
      send(cookie, thread.id),
      discardRoute(
        authedRequest(`/api/threads/${thread.id}/draft`, { cookie: member.cookie, method: "DELETE" }),
        context(thread.id),
      ),
    ]);
    expect([sent.status, discarded.status].sort()).toEqual([200, 409]);
    await settled(thread.id);
    expect(smsTo(customer)).toHaveLength(sent.status === 200 ? 1 : 0);
    const outcomes = [...(await eventsOf(thread.id, "draft.sent")), ...(await eventsOf(thread.id, "draft.discarded"))];
    expect(outcomes).toHaveLength(1);
  });

  it("approval re-checks consent: an opted-out customer gets nothing (409) and the draft stays", async () => {
    const { cookie, customer, thread, draft } = await draftedConversation();
    await db.lead.update({ where: { id: thread.leadId }, data: { isOptedOut: true } });
    const refused = await send(cookie, thread.id);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({
      error: { code: "opted_out", message: expect.stringMatching(/opted out/) },
    });
    expect(await db.aiDraft.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ status: "pending" });
    expect(await eventsOf(thread.id, "draft.sent")).toHaveLength(0);
    expect(await db.message.count({ where: { threadId: thread.id, direction: "outbound" } })).toBe(0);
    expect(smsTo(customer)).toHaveLength(0);
  });

  it("approval re-checks the reply guard: a price the profile does not state is refused (422), nothing sent", async () => {
    const { cookie, customer, thread, draft } = await draftedConversation();
    const refused = await send(cookie, thread.id, { body: "We can fix that for $49 today" });
    expect(refused.status).toBe(422);
    expect((await refused.json()).error).toMatchObject({ code: "validation_failed", details: [{ path: "body" }] });
    expect(await db.aiDraft.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ status: "pending" });
    expect(smsTo(customer)).toHaveLength(0);
  });

  it("a member discards a draft: logged with who, and the thread shows none", async () => {
    const { business, customer, thread, draft } = await draftedConversation();
    const member = await addMember(business.id);
    const response = await discardRoute(
      authedRequest(`/api/threads/${thread.id}/draft`, { cookie: member.cookie, method: "DELETE" }),
      context(thread.id),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ draftId: draft.id, status: "discarded" });
    const [discarded] = await eventsOf(thread.id, "draft.discarded");
    expect(discarded).toMatchObject({ actorUserId: member.user.id, payload: { reason: "discarded" } });
    const again = await discardRoute(
      authedRequest(`/api/threads/${thread.id}/draft`, { cookie: member.cookie, method: "DELETE" }),
      context(thread.id),
    );
    expect(again.status).toBe(409);
    expect(smsTo(customer)).toHaveLength(0);
  });

  /** Brings a draft's auto-send job due now (the delay itself is minutes; what is tested is what runs then). */
  async function makeAutoSendDue(draftId: string) {
    const { wakeLocalWorkers } = await import("@/lib/jobs/boss");
    const moved = await db.$executeRaw`
      UPDATE pgboss.job SET start_after = now() WHERE name = 'send-draft' AND singleton_key = ${draftId} AND state = 'created'`;
    expect(moved).toBe(1);
    wakeLocalWorkers(["send-draft"]);
  }
  const autoSendSettled = (draftId: string) =>
    waitFor(
      async () =>
        (
          await db.$queryRaw<{ state: string }[]>`
            SELECT state::text FROM pgboss.job WHERE name = 'send-draft' AND singleton_key = ${draftId}`
        ).some((job) => job.state === "completed"),
      { timeoutMs: 20_000 },
    );

  it("auto-send: an unanswered draft goes out by itself after the owner's delay, once, logged as the system", async () => {
    const { customer, thread, draft } = await draftedConversation("Need a plumber", { aiDraftAutoSendMinutes: 10 });
    expect(draft.autoSendAt!.getTime() - draft.createdAt.getTime()).toBe(10 * 60_000);
    await makeAutoSendDue(draft.id);
    await autoSendSettled(draft.id);
    await settled(thread.id);
    expect(smsTo(customer).map((sms) => sms.body)).toEqual([draft.body]);
    const [sent] = await eventsOf(thread.id, "draft.sent");
    expect(sent).toMatchObject({ actorKind: "system", actorUserId: null, payload: { via: "auto_send" } });
  });

  it("auto-send racing a person's Send: one SMS", async () => {
    const { cookie, customer, thread, draft } = await draftedConversation("Need a plumber", {
      aiDraftAutoSendMinutes: 5,
    });
    await makeAutoSendDue(draft.id);
    const manual = await send(cookie, thread.id);
    await autoSendSettled(draft.id);
    await settled(thread.id);
    expect([200, 409]).toContain(manual.status);
    expect(smsTo(customer)).toHaveLength(1);
    expect(await eventsOf(thread.id, "draft.sent")).toHaveLength(1);
  });

  it("auto-send re-checks that the draft is still current: a stale one (replaced after a new message) is not sent", async () => {
    const { customer, twilioNumber, thread, draft } = await draftedConversation("Hi", { aiDraftAutoSendMinutes: 30 });
    await postInboundSms({ from: customer, to: twilioNumber, body: "It's the water heater" });
    const next = await waitFor(
      () => db.aiDraft.findFirst({ where: { threadId: thread.id, status: "pending", id: { not: draft.id } } }),
      { timeoutMs: 20_000 },
    );
    await makeAutoSendDue(draft.id);
    await autoSendSettled(draft.id);
    expect(await db.aiDraft.findUniqueOrThrow({ where: { id: next.id } })).toMatchObject({ status: "pending" });
    expect(await db.message.count({ where: { threadId: thread.id, direction: "outbound" } })).toBe(0);
    expect(smsTo(customer)).toHaveLength(0);
    // The owner then turns auto-send off: the newer draft's job, when due, sends nothing either.
    await db.business.update({ where: { id: thread.businessId }, data: { aiDraftAutoSendMinutes: null } });
    await makeAutoSendDue(next.id);
    await autoSendSettled(next.id);
    expect(await db.aiDraft.findUniqueOrThrow({ where: { id: next.id } })).toMatchObject({ status: "pending" });
  });
});
