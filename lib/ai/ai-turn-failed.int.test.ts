// An AI turn that fails for good (every attempt of its `ai-turn` job threw): pg-boss dead-letters it to
// `ai-turn-failed`, and the conversation goes to a person once, never while a retry is still pending.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOpenAiFake, type OpenAiFake } from "@/test/fakes/openai-fake";
import { resetEnvForTests } from "@/lib/env";

let fake: OpenAiFake;

beforeAll(async () => {
  fake = await startOpenAiFake();
  process.env.OPENAI_API_KEY = "sk-test";
  process.env.OPENAI_BASE_URL = fake.baseUrl;
  process.env.AI_MODEL = "fake-model";
  resetEnvForTests();
  const { startWorker } = await import("@/lib/jobs/worker");
  await startWorker({ pollingIntervalSeconds: 0.5 });
});

afterAll(async () => {
  const { stopBoss } = await import("@/lib/jobs/boss");
  await stopBoss();
  await fake.close();
});

describe("an AI turn that fails for good", async () => {
  const { db } = await import("@/lib/db/client");
  const { createTestBusiness, randomPhone } = await import("@/test/helpers/business");
  const { postInboundSms, threadOf, aiReplies } = await import("@/test/helpers/inbound-sms");
  const { waitFor } = await import("@/test/helpers/wait");
  const { loadAiOutlook } = await import("@/lib/conversations/ai-turn-rule");
  const { queues } = await import("@/lib/jobs/queues");

  const aiTurnJobs = (threadId: string) =>
    db.$queryRawUnsafe<{ id: string; state: string; retryCount: number; retryLimit: number }[]>(
      `SELECT id, state, retry_count AS "retryCount", retry_limit AS "retryLimit" FROM pgboss.job
       WHERE name = 'ai-turn' AND singleton_key = $1`,
      threadId,
    );
  const deadLetters = (threadId: string) =>
    db.$queryRawUnsafe<{ state: string }[]>(
      `SELECT state FROM pgboss.job WHERE name = 'ai-turn-failed' AND data->>'threadId' = $1`,
      threadId,
    );
  const handOffEvents = (threadId: string) =>
    db.event.findMany({
      where: { threadId, type: { in: ["thread.mode_changed", "thread.handed_off"] } },
      orderBy: { id: "asc" },
    });

  it("the model unreachable and the turn throwing on every attempt: after the last retry, one hand-off to a person", async () => {
    const { business, twilioNumber } = await createTestBusiness();
    const customer = randomPhone();
    // The model answers 500 on every call, and the turn cannot record its failure either (a database fault on
    // this business's `ai.error` events): each attempt of the job throws, as any fault outside the model would.
    const fault = `ai_turn_fault_${business.id.replace(/\W/g, "_")}`;
    await db.$executeRawUnsafe(
      `CREATE FUNCTION ${fault}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
         IF NEW.type = 'ai.error' AND NEW."businessId" = '${business.id}' THEN RAISE EXCEPTION 'event log unavailable'; END IF;
         RETURN NEW; END $$`,
    );
    await db.$executeRawUnsafe(
      `CREATE TRIGGER ${fault} BEFORE INSERT ON "Event" FOR EACH ROW EXECUTE FUNCTION ${fault}()`,
    );
    try {
      const attempts = queues.aiTurn.retryLimit + 1;
      const modelCallsBefore = fake.requests.length;
      fake.enqueue(...Array.from({ length: attempts }, () => ({ status: 500 })));
      await postInboundSms({ from: customer, to: twilioNumber, body: "My sink is blocked, can someone come today?" });
      const thread = (await waitFor(() => threadOf({ businessId: business.id, phone: customer })))!;

      // The first attempt failed and its retry is pending: this is what the thread showed until the end before
      // (the failed attempt's generation held, so "AI answering…"), and nobody is handed the conversation yet.
      await waitFor(async () => (await aiTurnJobs(thread.id)).some((job) => job.state === "retry"), {
        timeoutMs: 20_000,
      });
      const pending = await db.thread.findUniqueOrThrow({ where: { id: thread.id } });
      expect(pending.mode).toBe("ai");
      expect(pending.aiGenerationId).toMatch(/^gen_job_/);
      expect(await loadAiOutlook(thread.id)).toEqual({ aiDueAt: null, waitingOnPerson: false });
      expect(await db.notification.count({ where: { threadId: thread.id, kind: "ai_handoff" } })).toBe(0);
      expect(await deadLetters(thread.id)).toEqual([]);

      // Every retry failed: pg-boss fails the job for good and dead-letters it; the hand-off follows.
      const after = await waitFor(
        async () => {
          const row = await db.thread.findUniqueOrThrow({ where: { id: thread.id } });
          return row.mode === "human" ? row : null;
        },
        { timeoutMs: 60_000, intervalMs: 200 },
      );
      const [job] = await aiTurnJobs(thread.id);
      expect(job).toMatchObject({ state: "failed", retryCount: queues.aiTurn.retryLimit });
      expect(fake.requests.length - modelCallsBefore).toBe(attempts);
      expect(after).toMatchObject({ isWaitingOnPerson: true, aiGenerationId: null, windowDeadline: null });
      expect(after.handedOffAt).not.toBeNull();
      // What the thread API and the inbox show: "Waiting for you", not "AI answering…".
      expect(await loadAiOutlook(thread.id)).toEqual({ aiDueAt: null, waitingOnPerson: true });
      const notifications = await db.notification.findMany({ where: { threadId: thread.id, kind: "ai_handoff" } });
      expect(notifications).toHaveLength(1); // one member: one notification, one push
      expect(notifications[0]!.body).toContain("The AI could not answer");
      await waitFor(async () => (await deadLetters(thread.id)).every((row) => row.state === "completed"));
      const events = await handOffEvents(thread.id);
      expect(events.map((event) => [event.type, event.payload])).toEqual([
        ["thread.mode_changed", { from: "auto", to: "ai", reason: "window" }],
        ["thread.handed_off", { reason: "ai_failed" }],
        ["thread.mode_changed", { from: "ai", to: "human", reason: "ai_failed" }],
      ]);
      expect(await aiReplies(thread.id)).toEqual([]);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER ${fault} ON "Event"`);
      await db.$executeRawUnsafe(`DROP FUNCTION ${fault}()`);
    }
    // Four attempts with pg-boss's backoff between them (about 2, 4 and 8 s, up to twice that).
  }, 90_000);

  it("the final failure reported twice, by two workers at once and once more later: handed off exactly once", async () => {
    const { handOffFailedTurn } = await import("@/lib/ai/hand-off-failed-turn");
    const { enqueue } = await import("@/lib/jobs/boss");
    // The AI switched off: the turn leaves the thread in `auto`, the customer's message unanswered.
    const { business, twilioNumber } = await createTestBusiness({ aiEnabled: false });
    const customer = randomPhone();
    await postInboundSms({ from: customer, to: twilioNumber, body: "Do you fix boilers?" });
    const thread = await waitFor(async () => {
      const row = await threadOf({ businessId: business.id, phone: customer });
      return row?.isWaitingOnPerson ? row : null;
    });
    const data = { threadId: thread.id, reason: "window" as const };
    await Promise.all([handOffFailedTurn(data), handOffFailedTurn(data)]);
    await enqueue("ai-turn-failed", data);
    await waitFor(async () => (await deadLetters(thread.id)).some((row) => row.state === "completed"));
    expect(await db.notification.count({ where: { threadId: thread.id, kind: "ai_handoff" } })).toBe(1);
    const events = await handOffEvents(thread.id);
    expect(events.map((event) => [event.type, event.payload])).toEqual([
      ["thread.handed_off", { reason: "ai_failed" }],
      ["thread.mode_changed", { from: "auto", to: "human", reason: "ai_failed" }],
    ]);
    expect((await db.thread.findUniqueOrThrow({ where: { id: thread.id } })).mode).toBe("human");
  });
});
