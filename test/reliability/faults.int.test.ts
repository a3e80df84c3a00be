// Faults: Twilio's API down (503s) then back — everything queued goes out exactly once.
// (The database being unreachable has its own file: faults-database-down.int.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as messageStatus } from "@/app/api/twilio/message-status/route";
import { POST as voice } from "@/app/api/twilio/voice/route";
import { db } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { stopBoss } from "@/lib/jobs/boss";
import { startWorker } from "@/lib/jobs/worker";
import { startTwilioFake, type TwilioFake } from "@/test/fakes/twilio-fake";
import { createTestBusiness, randomPhone } from "@/test/helpers/business";
import { callSid, signedTwilioRequest } from "@/test/helpers/twilio";
import { waitFor } from "@/test/helpers/wait";
import { discardJobsQueuedSince } from "@/test/reliability/fuzz-helpers";

const accountSid = `AC${"d".repeat(32)}`;
const authToken = "faults-auth-token-0123456789";
let fake: TwilioFake;

beforeAll(async () => {
  fake = await startTwilioFake({ accountSid, authToken, dispatchCallback: (request) => messageStatus(request) });
  process.env.TWILIO_ACCOUNT_SID = accountSid;
  process.env.TWILIO_AUTH_TOKEN = authToken;
  process.env.TWILIO_API_BASE_URL = fake.url;
  resetEnvForTests();
  // The test database is shared by every file: texts other files queued and never sent would go out through this
  // file's worker to this file's fake and spoil its exact count of Twilio requests. None of them is this file's.
  await discardJobsQueuedSince(new Date(0));
  await startWorker({ pollingIntervalSeconds: 0.5 });
});

afterAll(async () => {
  await stopBoss();
  await fake.close();
});

describe("Twilio API down, then back", () => {
  it("10 failed sends (503, Retry-After: 1) across 4 missed calls: each auto-SMS goes out exactly once", async () => {
    const FAILURES = 10;
    fake.failNextCreates(FAILURES, { status: 503, code: 20503, message: "Service Unavailable", retryAfter: "1" });
    const before = fake.createRequests;
    const { twilioNumber } = await createTestBusiness({ routingMode: "forwarded" });
    const callers = [randomPhone(), randomPhone(), randomPhone(), randomPhone()];
    const messageIds: string[] = [];
    for (const caller of callers) {
      const sid = callSid();
      const answer = await voice(
        await signedTwilioRequest("/api/twilio/voice", { CallSid: sid, From: caller, To: twilioNumber }),
      );
      expect(answer.status).toBe(200); // the webhook answers at once; the outage is the job's problem
      messageIds.push((await db.call.findUniqueOrThrow({ where: { callSid: sid } })).autoReplyMessageId!);
    }
    await waitFor(
      async () =>
        (await db.message.count({ where: { id: { in: messageIds }, status: { in: ["sent", "delivered"] } } })) ===
        messageIds.length,
      { timeoutMs: 35_000, intervalMs: 200 },
    );
    for (const caller of callers) expect(fake.messages.filter((message) => message.to === caller)).toHaveLength(1);
    expect(fake.createRequests - before).toBe(FAILURES + callers.length);
    const stored = await db.message.findMany({ where: { id: { in: messageIds } } });
    expect(new Set(stored.map((message) => message.messageSid)).size).toBe(callers.length);
    // No job left behind that could send a second copy.
    const open = await db.$queryRaw<{ count: bigint }[]>`
      SELECT count(*) AS count FROM pgboss.job WHERE name = 'send-message' AND data->>'messageId' = ANY(${messageIds})
        AND state IN ('created', 'retry', 'active')`;
    expect(Number(open[0]!.count)).toBe(0);
  }, 45_000);

  it("a 5xx without Retry-After is retried with backoff and still sends once", async () => {
    fake.failNextCreates(2, { status: 502, message: "Bad Gateway" });
    const { twilioNumber } = await createTestBusiness({ routingMode: "forwarded" });
    const caller = randomPhone();
    const sid = callSid();
    await voice(await signedTwilioRequest("/api/twilio/voice", { CallSid: sid, From: caller, To: twilioNumber }));
    const messageId = (await db.call.findUniqueOrThrow({ where: { callSid: sid } })).autoReplyMessageId!;
    // accepted by Twilio: `sent`, or already `delivered` by Twilio's own status callback
    await waitFor(
      async () =>
        ["sent", "delivered"].includes((await db.message.findUniqueOrThrow({ where: { id: messageId } })).status),
      {
        timeoutMs: 25_000,
        intervalMs: 200,
      },
    );
    expect(fake.messages.filter((message) => message.to === caller)).toHaveLength(1);
  }, 30_000);
});
