// The countdown's deadline: GET /api/threads/{id} and the inbox list say when the AI answers if nobody acts (aiDueAt)
// or that a person is expected to (waitingOnPerson), from the rule the AI's turn itself follows; the push for the
// customer's reply carries the same deadline and the Take over, Let AI handle and Call back buttons.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listThreadsRoute } from "@/app/api/threads/route";
import { GET as getThreadRoute } from "@/app/api/threads/[id]/route";
import { POST as takeoverRoute } from "@/app/api/threads/[id]/takeover/route";
import { POST as releaseRoute } from "@/app/api/threads/[id]/release/route";
import { PATCH as patchBusiness } from "@/app/api/business/route";
import { db } from "@/lib/db/client";
import { stopBoss } from "@/lib/jobs/boss";
import { startWorker } from "@/lib/jobs/worker";
import { registerPushSubscription } from "@/lib/notifications/push-subscriptions";
import { authedRequest, createTestBusiness, randomPhone, sessionCookie } from "@/test/helpers/business";
import { aiReplies, postInboundSms, threadOf } from "@/test/helpers/inbound-sms";
import { leaveNoWorkBehind } from "@/test/helpers/leave-no-work-behind";
import { waitFor } from "@/test/helpers/wait";
import { startPushFake, type PushFake } from "@/test/fakes/push-fake";

const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const allDay = [{ open: "00:00", close: "24:00" }];
const alwaysOpen = { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay };
/** long enough that the AI's turn never runs during a test */
const LONG_WINDOW_SECONDS = 600;

let push: PushFake;
const startedAt = new Date();

beforeAll(async () => {
  push = await startPushFake();
  await startWorker({ pollingIntervalSeconds: 0.5 });
});

afterAll(async () => {
  await leaveNoWorkBehind(startedAt);
  await stopBoss();
  await push.close();
});

type Deadline = { aiDueAt: string | null; aiDueInMs: number | null; waitingOnPerson: boolean };

let devices = 0;
async function setup(overrides: Parameters<typeof createTestBusiness>[0] = {}) {
  const owner = await createTestBusiness(overrides);
  const cookie = await sessionCookie({ userId: owner.user.id, businessId: owner.business.id });
  const devicePath = `/deadline/${++devices}`;
  const subscription = push.subscription(devicePath);
  await registerPushSubscription({
    businessId: owner.business.id,
    userId: owner.user.id,
    endpoint: subscription.endpoint,
    ...subscription.keys,
  });
  const customer = randomPhone();
  /** the customer texts; resolves once the message is processed (the window is scheduled, the push queued) */
  const customerTexts = async (body: string) => {
    await postInboundSms({ from: customer, to: owner.twilioNumber, body });
    // The first message of the file also loads the worker's code (language detection, the AI): allow for a loaded machine.
    const message = await waitFor(
      () =>
        db.message.findFirst({
          where: { businessId: owner.business.id, body, direction: "inbound", processedAt: { not: null } },
        }),
      { timeoutMs: 30_000 },
    );
    const thread = (await threadOf({ businessId: owner.business.id, phone: customer }))!;
    return { message, threadId: thread.id };
  };
  const readThread = async (threadId: string) => {
    const response = await getThreadRoute(authedRequest(`/api/threads/${threadId}`, { cookie }), ctx(threadId));
    expect(response.status).toBe(200);
    return ((await response.json()) as { thread: Deadline & { mode: string } }).thread;
  };
  const readRow = async (threadId: string) => {
    const response = await listThreadsRoute(authedRequest("/api/threads", { cookie }), {} as never);
    const { threads } = (await response.json()) as { threads: (Deadline & { id: string })[] };
    return threads.find((row) => row.id === threadId)!;
  };
  const pushes = () => push.requestsFor(devicePath).map((request) => request.payload!);
  return { ...owner, cookie, customer, customerTexts, readThread, readRow, pushes };
}

describe("the AI's deadline in the thread API", () => {
  it("after a customer message: aiDueAt is its arrival plus the business's window, in the thread and the list", async () => {
    const business = await setup({ aiEngageDelaySeconds: LONG_WINDOW_SECONDS, available: false });
    const { message, threadId } = await business.customerTexts("Is anyone free to fix a leak today?");
    const due = new Date(message.createdAt.getTime() + LONG_WINDOW_SECONDS * 1000).toISOString();

    const thread = await business.readThread(threadId);
    expect(thread).toMatchObject({ mode: "auto", aiDueAt: due, waitingOnPerson: false });
    // How far away by the server's clock, for a countdown that does not trust the phone's clock.
    expect(thread.aiDueInMs).toBeGreaterThan(0);
    expect(thread.aiDueInMs).toBeLessThanOrEqual(LONG_WINDOW_SECONDS * 1000);
    expect(await business.readRow(threadId)).toMatchObject({ aiDueAt: due, waitingOnPerson: false });

    // A second message inside the window does not move the turn: the deadline stays the one the AI keeps.
    await business.customerTexts("Kitchen sink, by the way");
    expect((await business.readThread(threadId)).aiDueAt).toBe(due);
  });

  it("the window is a business setting: PATCH /api/business sets it, null goes back to the server's default", async () => {
    const business = await setup();
    const patch = (body: unknown) =>
      patchBusiness(authedRequest("/api/business", { cookie: business.cookie, method: "PATCH", body }), {} as never);
    const set = await patch({ aiEngageDelaySeconds: 45 });
    expect(set.status).toBe(200);
    expect(await set.json()).toMatchObject({ aiEngageDelaySeconds: 45, defaultAiEngageDelaySeconds: 1 });
    for (const bad of [-1, 1.5, 86_401, "45"]) {
      const refused = await patch({ aiEngageDelaySeconds: bad });
      expect(refused.status, String(bad)).toBe(422);
    }
    expect(await db.business.findUniqueOrThrow({ where: { id: business.business.id } })).toMatchObject({
      aiEngageDelaySeconds: 45,
    });
    expect((await patch({ aiEngageDelaySeconds: null })).status).toBe(200);
    const { message, threadId } = await business.customerTexts("Hello?");
    const thread = await business.readThread(threadId);
    // The test server's AI_ENGAGE_DELAY_SECONDS is 1.
    expect(thread.aiDueAt).toBe(new Date(message.createdAt.getTime() + 1000).toISOString());
  });

  it("in business hours with the professional available: waitingOnPerson, no deadline, before and after the window", async () => {
    const waiting = await setup({
      aiEngageDelaySeconds: LONG_WINDOW_SECONDS,
      available: true,
      businessHours: alwaysOpen,
    });
    const first = await waiting.customerTexts("Can someone call me back?");
    expect(await waiting.readThread(first.threadId)).toMatchObject({
      aiDueAt: null,
      aiDueInMs: null,
      waitingOnPerson: true,
    });
    expect(await waiting.readRow(first.threadId)).toMatchObject({ aiDueAt: null, waitingOnPerson: true });

    // With the server's short window the turn runs, finds the professional available, and the answer stays the same.
    const short = await setup({ available: true, businessHours: alwaysOpen });
    const second = await short.customerTexts("Are you open?");
    await waitFor(async () => (await db.thread.findUnique({ where: { id: second.threadId } }))?.isWaitingOnPerson);
    expect(await short.readThread(second.threadId)).toMatchObject({ aiDueAt: null, waitingOnPerson: true });
    expect(await aiReplies(second.threadId)).toHaveLength(0);

    // On a job: the AI will answer after all, so the countdown is back.
    const onJob = await setup({
      aiEngageDelaySeconds: LONG_WINDOW_SECONDS,
      available: false,
      businessHours: alwaysOpen,
    });
    const third = await onJob.customerTexts("Anyone?");
    expect((await onJob.readThread(third.threadId)).aiDueAt).not.toBeNull();
  });

  it("after a takeover: no deadline; after Let AI handle: due at once; once the AI answered: none", async () => {
    const business = await setup({ aiEngageDelaySeconds: LONG_WINDOW_SECONDS, available: false });
    const { threadId } = await business.customerTexts("My water heater is leaking");
    expect((await business.readThread(threadId)).aiDueAt).not.toBeNull();

    const taken = await takeoverRoute(
      authedRequest(`/api/threads/${threadId}/takeover`, { cookie: business.cookie, method: "POST" }),
      ctx(threadId),
    );
    expect(taken.status).toBe(200);
    expect(await business.readThread(threadId)).toMatchObject({ mode: "human", aiDueAt: null, waitingOnPerson: false });
    expect(await business.readRow(threadId)).toMatchObject({ aiDueAt: null, waitingOnPerson: false });

    const released = await releaseRoute(
      authedRequest(`/api/threads/${threadId}/release`, {
        cookie: business.cookie,
        method: "POST",
        body: { now: true },
      }),
      ctx(threadId),
    );
    expect(released.status).toBe(200);
    // The AI answers at once (the scripted assistant): the deadline, if still there, is now, and then it is gone.
    const right = await business.readThread(threadId);
    if (right.aiDueAt) expect(Date.parse(right.aiDueAt)).toBeLessThanOrEqual(Date.now());
    await waitFor(async () => (await aiReplies(threadId)).length === 1);
    await waitFor(async () => (await business.readThread(threadId)).aiDueAt === null);
    expect(await business.readThread(threadId)).toMatchObject({ mode: "ai", waitingOnPerson: false });
  });
});

describe("the push for a customer's reply", () => {
  it("carries the thread's deadline and the Take over, Let AI handle and Call back buttons", async () => {
    const business = await setup({ aiEngageDelaySeconds: LONG_WINDOW_SECONDS, available: false });
    const { threadId } = await business.customerTexts("Do you do boiler repairs?");
    const [payload] = await waitFor(() => (business.pushes().length === 1 ? business.pushes() : null));
    const thread = await business.readThread(threadId);
    expect(payload).toMatchObject({
      threadId,
      kind: "customer_reply",
      aiDueAt: thread.aiDueAt,
      waitingOnPerson: false,
      actions: [
        { action: "takeover", title: "Take over" },
        { action: "let-ai", title: "Let AI handle" },
        { action: "call-back", title: "Call back" },
      ],
    });
    expect(payload!.aiDueAt).not.toBeNull();
  });

  it("when the AI will not answer: no deadline, waiting on the person, Call back before Let AI handle", async () => {
    const business = await setup({
      aiEngageDelaySeconds: LONG_WINDOW_SECONDS,
      available: true,
      businessHours: alwaysOpen,
    });
    const { threadId } = await business.customerTexts("Please call me");
    const [payload] = await waitFor(() => (business.pushes().length === 1 ? business.pushes() : null));
    expect(payload).toMatchObject({
      threadId,
      aiDueAt: null,
      waitingOnPerson: true,
      actions: [
        { action: "takeover", title: "Take over" },
        { action: "call-back", title: "Call back" },
        { action: "let-ai", title: "Let AI handle" },
      ],
    });
  });
});
