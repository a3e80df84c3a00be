// Simulator mode end to end (no TWILIO_* variables): a call placed through /api/simulator/call drives the real
// signed webhooks; the send job's local transport puts the auto-SMS in the outbox and reports it delivered.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as simulateCallRoute } from "@/app/api/simulator/call/route";
import { GET as conversationRoute } from "@/app/api/simulator/conversation/route";
import { POST as simulateSmsRoute } from "@/app/api/simulator/sms/route";
import { db } from "@/lib/db/client";
import { stopBoss } from "@/lib/jobs/boss";
import { startWorker } from "@/lib/jobs/worker";
import { authedRequest, createTestBusiness, randomPhone, sessionCookie } from "@/test/helpers/business";
import { waitFor } from "@/test/helpers/wait";

const noContext = {} as never;

beforeAll(async () => {
  await startWorker({ pollingIntervalSeconds: 0.5 });
});
afterAll(async () => {
  await stopBoss();
});

describe("/api/simulator", () => {
  it("needs a session", async () => {
    const response = await simulateCallRoute(
      authedRequest("/api/simulator/call", { cookie: "", method: "POST", body: { from: randomPhone() } }),
      noContext,
    );
    expect(response.status).toBe(401);
  });

  it("an unanswered simulated call puts the delivered auto-SMS in the simulator outbox", async () => {
    const { business, user } = await createTestBusiness({ name: "Acme Plumbing" });
    const cookie = await sessionCookie({ userId: user.id, businessId: business.id });
    const from = randomPhone();
    const response = await simulateCallRoute(
      authedRequest("/api/simulator/call", { cookie, method: "POST", body: { from } }),
      noContext,
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ isMissed: true, missReason: "no-answer", skipReason: null });
    const message = await waitFor(
      async () => {
        const found = await db.message.findFirst({
          where: { businessId: business.id, toNumber: from, status: "delivered" },
        });
        return found;
      },
      { timeoutMs: 20_000 },
    );
    expect(message.messageSid).toMatch(/^SM[0-9a-f]{32}$/);
    const call = await db.call.findFirstOrThrow({ where: { businessId: business.id, fromNumber: from } });
    expect(call.smsAcceptedAt).toBeInstanceOf(Date);
    expect(call.smsDeliveredAt).toBeInstanceOf(Date);
    const outbox = await conversationRoute(
      authedRequest(`/api/simulator/conversation?phone=${encodeURIComponent(from)}`, { cookie }),
      noContext,
    );
    const { messages } = await outbox.json();
    expect(messages).toHaveLength(1);
    expect(messages[0].body).toContain("Acme Plumbing");
  });

  it("a customer's text typed in the simulator arrives through the signed SMS webhook, stored once; bad input stores nothing", async () => {
    const { business, user, twilioNumber } = await createTestBusiness();
    const cookie = await sessionCookie({ userId: user.id, businessId: business.id });
    const from = randomPhone();
    const send = (body: unknown) =>
      simulateSmsRoute(authedRequest("/api/simulator/sms", { cookie, method: "POST", body }), noContext);
    for (const bad of [
      { from: "555-0100", body: "Hello" },
      { from, body: "   " },
      { from, body: "x".repeat(1601) },
      { from, body: "Hello", to: "+15005550006" },
    ]) {
      const refused = await send(bad);
      expect(refused.status, JSON.stringify(bad).slice(0, 80)).toBe(422);
    }
    expect(await db.message.count({ where: { businessId: business.id } })).toBe(0);

    const response = await send({ from, body: "  Is anyone free today?  " });
    expect(response.status).toBe(200);
    const { messageSid } = (await response.json()) as { messageSid: string };
    expect(messageSid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(await db.message.findUniqueOrThrow({ where: { messageSid } })).toMatchObject({
      businessId: business.id,
      direction: "inbound",
      fromNumber: from,
      toNumber: twilioNumber,
      body: "Is anyone free today?",
    });
    expect(await db.message.count({ where: { businessId: business.id, direction: "inbound" } })).toBe(1);
    // In a conversation of its own, with the customer as a lead.
    await db.thread.findFirstOrThrow({ where: { businessId: business.id, lead: { phone: from } } });
    const phone = await conversationRoute(
      authedRequest(`/api/simulator/conversation?phone=${encodeURIComponent(from)}`, { cookie }),
      noContext,
    );
    const { messages } = (await phone.json()) as { messages: { direction: string; body: string }[] };
    expect(messages[0]).toMatchObject({ direction: "inbound", body: "Is anyone free today?" });
  });

  it("an answered simulated call sends nothing", async () => {
    const { business, user } = await createTestBusiness();
    const cookie = await sessionCookie({ userId: user.id, businessId: business.id });
    const from = randomPhone();
    const response = await simulateCallRoute(
      authedRequest("/api/simulator/call", { cookie, method: "POST", body: { from, isAnswered: true } }),
      noContext,
    );
    expect(await response.json()).toMatchObject({ isMissed: false });
    expect(await db.message.count({ where: { businessId: business.id } })).toBe(0);
  });
});
