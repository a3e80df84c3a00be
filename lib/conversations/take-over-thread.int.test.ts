import { beforeAll, describe, expect, it } from "vitest";
import { sendAiReply } from "@/lib/ai/send-ai-reply";
import { newTurnOutcome } from "@/lib/ai/turn-context";
import { takeOverThread } from "@/lib/conversations/take-over-thread";
import { db } from "@/lib/db/client";
import { publishLive, subscribeLive, type LiveEvent } from "@/lib/events/bus";
import { getBoss } from "@/lib/jobs/boss";
import { createTestBusiness, randomPhone } from "@/test/helpers/business";
import { waitFor } from "@/test/helpers/wait";

beforeAll(async () => {
  await getBoss();
});

async function threadWithAiWriting() {
  const owner = await createTestBusiness();
  const lead = await db.lead.create({ data: { businessId: owner.business.id, phone: randomPhone() } });
  const generationId = `gen-${Date.now()}`;
  const thread = await db.thread.create({
    data: {
      businessId: owner.business.id,
      leadId: lead.id,
      mode: "ai",
      aiGenerationId: generationId,
      isWaitingOnPerson: true,
    },
  });
  const context = { businessId: owner.business.id, threadId: thread.id, leadId: lead.id, generationId };
  return { ...owner, lead, thread, generationId, context };
}

const reply = (context: Awaited<ReturnType<typeof threadWithAiWriting>>["context"]) =>
  sendAiReply({
    context,
    outcome: newTurnOutcome(),
    parts: ["Thanks! What's the address?"],
    usageEvent: { generationId: context.generationId, reason: "window", model: "test", usage: null, attempts: 1 },
  });

describe("takeOverThread", () => {
  it("abandons the AI reply being written: it is never sent", async () => {
    const { business, user, thread, generationId, context } = await threadWithAiWriting();
    const live: LiveEvent[] = [];
    const unsubscribe = await subscribeLive({ businessId: business.id, threadId: thread.id }, (event) =>
      live.push(event),
    );
    const result = await takeOverThread({ businessId: business.id, threadId: thread.id, userId: user.id, via: "push" });
    expect(result.abandonedGenerationId).toBe(generationId);
    expect(await db.thread.findUniqueOrThrow({ where: { id: thread.id } })).toMatchObject({
      mode: "human",
      holderUserId: user.id,
      aiGenerationId: null,
      isWaitingOnPerson: false,
    });
    // The AI finishes its reply after the takeover: the atomic send check fails and nothing is queued.
    expect(await reply(context)).toEqual({ isSent: false, messageIds: [] });
    expect(await db.message.count({ where: { threadId: thread.id, purpose: "ai_reply" } })).toBe(0);
    // The live news of the takeover arrives (waited for, not slept on)…
    await waitFor(() =>
      ["ai.abandoned", "thread.taken_over"].every((type) => live.some((event) => event.type === type)),
    );
    // …and nothing else follows: a marker published now travels the same ordered channel as anything the late
    // reply could have published, so once the marker is here, every earlier event is here too. That is the
    // interval to watch, however loaded the machine; a fixed sleep would be too short or too long.
    await publishLive({ businessId: business.id, threadId: thread.id, type: "test.marker" });
    await waitFor(() => live.some((event) => event.type === "test.marker"));
    unsubscribe();
    // The late reply's usage is accounted for (the model did the work), and nothing was queued to the customer.
    expect(live.map((event) => event.type).sort()).toEqual([
      "ai.abandoned",
      "ai.usage",
      "test.marker",
      "thread.taken_over",
    ]);
    const event = await db.event.findFirstOrThrow({ where: { threadId: thread.id, type: "thread.taken_over" } });
    expect(event).toMatchObject({
      actorKind: "user",
      actorUserId: user.id,
      payload: { via: "push", previousMode: "ai", abandonedGenerationId: generationId },
    });
  });

  it("an opt-out that lands while the AI writes: the finished reply is not sent and nothing is queued", async () => {
    const { thread, lead, context } = await threadWithAiWriting();
    // A 21610 from Twilio marks the number opted out without touching the thread's generation, so the reply's claim
    // succeeds; the opt-out check before the insert must still stop it.
    await db.lead.update({ where: { id: lead.id }, data: { isOptedOut: true, optedOutAt: new Date() } });
    expect(await reply(context)).toEqual({ isSent: false, messageIds: [] });
    expect(await db.message.count({ where: { threadId: thread.id } })).toBe(0);
    expect(await db.event.count({ where: { threadId: thread.id, type: "message.queued" } })).toBe(0);
    // The model's work is still accounted for.
    expect(await db.event.count({ where: { threadId: thread.id, type: "ai.usage" } })).toBe(1);
  });

  it("without a takeover the same reply is sent (the check is real)", async () => {
    const { thread, context } = await threadWithAiWriting();
    expect((await reply(context)).isSent).toBe(true);
    expect(await db.message.count({ where: { threadId: thread.id, purpose: "ai_reply" } })).toBe(1);
  });

  it("stamps takeoverAt on the thread's unanswered notifications, once", async () => {
    const { business, user, thread } = await threadWithAiWriting();
    const notification = await db.notification.create({
      data: {
        businessId: business.id,
        threadId: thread.id,
        userId: user.id,
        kind: "customer_reply",
        title: "t",
        body: "b",
      },
    });
    await takeOverThread({ businessId: business.id, threadId: thread.id, userId: user.id });
    const first = await db.notification.findUniqueOrThrow({ where: { id: notification.id } });
    expect(first.takeoverAt).toBeInstanceOf(Date);
    const again = await takeOverThread({ businessId: business.id, threadId: thread.id, userId: user.id });
    expect(again.wasAlreadyHeld).toBe(true);
    expect((await db.notification.findUniqueOrThrow({ where: { id: notification.id } })).takeoverAt).toEqual(
      first.takeoverAt,
    );
    expect(await db.event.count({ where: { threadId: thread.id, type: "thread.taken_over" } })).toBe(1);
  });

  it("refuses another business's thread", async () => {
    const { thread } = await threadWithAiWriting();
    const other = await createTestBusiness();
    await expect(
      takeOverThread({ businessId: other.business.id, threadId: thread.id, userId: other.user.id }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await db.thread.findUniqueOrThrow({ where: { id: thread.id } })).toMatchObject({
      mode: "ai",
      holderUserId: null,
    });
  });
});
