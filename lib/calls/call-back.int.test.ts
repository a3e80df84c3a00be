// Call back from the thread view: tenancy, the 409 without a phone to ring, the simulator path (recorded, shown on
// the simulated handset) and the Twilio path against the local fake (rings the professional, dials the customer
// with the business number as caller ID).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as simulatorCallStatus } from "@/app/api/simulator/call-status/route";
import { GET as simulatorConversation } from "@/app/api/simulator/conversation/route";
import { POST as callStatusRoute } from "@/app/api/twilio/call-status/route";
import { POST as callBackRoute } from "@/app/api/threads/[id]/call-back/route";
import { db } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { startTwilioFake, type TwilioFake } from "@/test/fakes/twilio-fake";
import { authedRequest, createTestBusiness, randomPhone, sessionCookie } from "@/test/helpers/business";
import { signedTwilioRequest } from "@/test/helpers/twilio";

async function threadFor(
  overrides: Parameters<typeof createTestBusiness>[0] = {},
  lead: { name?: string; isOptedOut?: boolean } = {},
) {
  const owner = await createTestBusiness(overrides);
  const customer = randomPhone();
  const created = await db.lead.create({ data: { businessId: owner.business.id, phone: customer, ...lead } });
  const thread = await db.thread.create({ data: { businessId: owner.business.id, leadId: created.id, mode: "ai" } });
  const cookie = await sessionCookie({ userId: owner.user.id, businessId: owner.business.id });
  return { ...owner, customer, lead: created, thread, cookie };
}

const callBack = (threadId: string, cookie: string) =>
  callBackRoute(authedRequest(`/api/threads/${threadId}/call-back`, { cookie, method: "POST" }), {
    params: Promise.resolve({ id: threadId }),
  });

describe("POST /api/threads/{id}/call-back (simulator mode)", () => {
  it("needs a session and answers 404 for another business's thread, recording nothing", async () => {
    const a = await threadFor();
    const b = await threadFor();
    expect((await callBack(a.thread.id, "")).status).toBe(401);
    const response = await callBack(a.thread.id, b.cookie);
    expect(response.status).toBe(404);
    expect(await db.call.count({ where: { threadId: a.thread.id } })).toBe(0);
    expect(await db.event.count({ where: { threadId: a.thread.id, type: "call.call_back" } })).toBe(0);
  });

  it("records an outbound call and the event, even for an opted-out lead; the simulator shows the business number", async () => {
    const { thread, cookie, user, twilioNumber, customer, ownerPhone } = await threadFor(
      {},
      { name: "Dana", isOptedOut: true },
    );
    const response = await callBack(thread.id, cookie);
    expect(response.status).toBe(202);
    const body = await response.json();
    expect(body).toMatchObject({ simulated: true, status: "ringing", ringing: ownerPhone });
    expect(body.callSid).toMatch(/^CA[0-9a-f]{32}$/);
    const call = await db.call.findUniqueOrThrow({ where: { callSid: body.callSid } });
    expect(call).toMatchObject({
      direction: "outbound",
      fromNumber: twilioNumber,
      toNumber: customer,
      threadId: thread.id,
      isMissed: null,
    });
    const event = await db.event.findFirstOrThrow({ where: { threadId: thread.id, type: "call.call_back" } });
    expect(event).toMatchObject({ actorKind: "user", actorUserId: user.id, callId: call.id });
    expect(event.payload).toMatchObject({
      professionalPhone: ownerPhone,
      customerPhone: customer,
      businessNumber: twilioNumber,
      simulated: true,
    });

    const handset = await simulatorConversation(
      authedRequest(`/api/simulator/conversation?phone=${encodeURIComponent(customer)}`, { cookie }),
      {} as never,
    );
    const { calls } = await handset.json();
    expect(calls).toEqual([expect.objectContaining({ id: call.id, from: twilioNumber, status: "ringing" })]);
  });

  it("follows the call: the handset answers (in progress), hangs up (completed); each step is published once", async () => {
    const { thread, cookie } = await threadFor();
    const placed = await (await callBack(thread.id, cookie)).json();
    const handset = (action: string) =>
      simulatorCallStatus(
        authedRequest("/api/simulator/call-status", {
          cookie,
          method: "POST",
          body: { callId: placed.callId, action },
        }),
        {} as never,
      );
    const statusOf = async () => (await db.call.findUniqueOrThrow({ where: { id: placed.callId } })).status;
    expect(await statusOf()).toBe("ringing");
    expect(await (await handset("answer")).json()).toMatchObject({ status: "in-progress" });
    // A late "ringing" (callbacks may arrive out of order) does not undo "in-progress".
    await callStatusRoute(
      await signedTwilioRequest("/api/twilio/call-status", { CallSid: placed.callSid, CallStatus: "ringing" }),
    );
    expect(await statusOf()).toBe("in-progress");
    expect(await (await handset("hang_up")).json()).toMatchObject({ status: "completed" });
    expect(await (await handset("answer")).json()).toMatchObject({ status: "completed" });
    const events = await db.event.findMany({
      where: { callId: placed.callId, type: "call.status" },
      orderBy: { id: "asc" },
    });
    expect(events.map((event) => (event.payload as { status: string }).status)).toEqual([
      "ringing",
      "in-progress",
      "completed",
    ]);
  });

  it("a declined call back did not connect; another business cannot touch it", async () => {
    const { thread, cookie } = await threadFor();
    const other = await threadFor();
    const placed = await (await callBack(thread.id, cookie)).json();
    const handset = (action: string, as: string) =>
      simulatorCallStatus(
        authedRequest("/api/simulator/call-status", {
          cookie: as,
          method: "POST",
          body: { callId: placed.callId, action },
        }),
        {} as never,
      );
    expect((await handset("decline", other.cookie)).status).toBe(404);
    expect(await (await handset("decline", cookie)).json()).toMatchObject({ status: "no-answer" });
  });

  it("409 when the member has no phone of their own (and is not the owner with a forwarding number)", async () => {
    const { thread, business } = await threadFor();
    const memberUser = await db.user.create({
      data: { email: `m-${crypto.randomUUID()}@example.test`, passwordHash: "x" },
    });
    await db.membership.create({ data: { userId: memberUser.id, businessId: business.id, role: "member" } });
    const cookie = await sessionCookie({ userId: memberUser.id, businessId: business.id });
    const response = await callBack(thread.id, cookie);
    expect(response.status).toBe(409);
    expect((await response.json()).error.message).toContain("Add your phone number");
    expect(await db.call.count({ where: { threadId: thread.id } })).toBe(0);
  });
});

describe("POST /api/threads/{id}/call-back (Twilio)", () => {
  const accountSid = `AC${"c".repeat(32)}`;
  const authToken = "fake-auth-token-callback";
  let fake: TwilioFake;

  beforeAll(async () => {
    fake = await startTwilioFake({ accountSid, authToken });
    process.env.TWILIO_ACCOUNT_SID = accountSid;
    process.env.TWILIO_AUTH_TOKEN = authToken;
    process.env.TWILIO_API_BASE_URL = fake.url;
    resetEnvForTests();
  });

  afterAll(async () => {
    delete process.env.TWILIO_ACCOUNT_SID;
    delete process.env.TWILIO_AUTH_TOKEN;
    delete process.env.TWILIO_API_BASE_URL;
    resetEnvForTests();
    await fake.close();
  });

  it("rings the member's own phone with TwiML that dials the customer from the business number", async () => {
    const { thread, business, user, cookie, twilioNumber, customer } = await threadFor({}, { name: "Dana & Co" });
    const memberPhone = randomPhone();
    await db.membership.update({
      where: { userId_businessId: { userId: user.id, businessId: business.id } },
      data: { phone: memberPhone },
    });
    const response = await callBack(thread.id, cookie);
    expect(response.status).toBe(202);
    const body = await response.json();
    const placed = fake.calls.find((call) => call.sid === body.callSid);
    expect(placed).toMatchObject({ to: memberPhone, from: twilioNumber });
    expect(placed!.twiml).toContain("<Say>Connecting you to Dana &amp; Co.</Say>");
    expect(placed!.twiml).toContain(`<Dial callerId="${twilioNumber}" timeout="30">${customer}</Dial>`);
    expect(await db.call.findUniqueOrThrow({ where: { callSid: body.callSid } })).toMatchObject({
      direction: "outbound",
      status: "queued",
    });
    // Twilio is asked to report the call's progress, which the thread view follows.
    expect(placed!.statusCallback).toMatch(/^https:\/\/ringback\.test\/api\/twilio\/call-status/);
    expect(placed!.statusCallbackEvents).toEqual(["initiated", "ringing", "answered", "completed"]);
    for (const status of ["initiated", "ringing", "in-progress"]) {
      const answer = await callStatusRoute(
        await signedTwilioRequest("/api/twilio/call-status", { CallSid: body.callSid, CallStatus: status }),
      );
      expect(answer.status).toBe(204);
    }
    expect(await db.call.findUniqueOrThrow({ where: { callSid: body.callSid } })).toMatchObject({
      status: "in-progress",
    });
    const event = await db.event.findFirstOrThrow({ where: { threadId: thread.id, type: "call.call_back" } });
    expect(event.payload).toMatchObject({ callSid: body.callSid, simulated: false, professionalPhone: memberPhone });
  });
});
