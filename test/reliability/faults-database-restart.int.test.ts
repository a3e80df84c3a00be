// Faults: PostgreSQL drops every connection under load (what a server restart or failover looks like from the app).
// The app reconnects; a webhook that hit the outage gets a retryable status (Twilio retries it), never a wrong
// answer; nothing accepted is lost and every auto-SMS goes out exactly once. Needs a PostgreSQL server: the embedded
// database lives inside the test runner and cannot be restarted under the app.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import pg from "pg";
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

const isServer = inject("databaseKind") === "server";

const accountSid = `AC${"e".repeat(32)}`;
const authToken = "restart-auth-token-0123456789";
let fake: TwilioFake;

beforeAll(async () => {
  if (!isServer) return;
  fake = await startTwilioFake({ accountSid, authToken, dispatchCallback: (request) => messageStatus(request) });
  process.env.TWILIO_ACCOUNT_SID = accountSid;
  process.env.TWILIO_AUTH_TOKEN = authToken;
  process.env.TWILIO_API_BASE_URL = fake.url;
  resetEnvForTests();
  await startWorker({ pollingIntervalSeconds: 0.5 });
});

afterAll(async () => {
  if (!isServer) return;
  await stopBoss();
  await fake.close();
});

/** Delivers a missed call the way Twilio does: retried (after a pause) until it gets a 2xx. */
async function deliverUntilAccepted(params: Record<string, string>) {
  const statuses: number[] = [];
  for (let attempt = 0; attempt < 20; attempt++) {
    const response = await voice(await signedTwilioRequest("/api/twilio/voice", params)).catch(() => null);
    const status = response?.status ?? 0;
    statuses.push(status);
    if (status === 200) {
      const twiml = await response!.text();
      expect(twiml).toMatch(/<Response>/);
      return statuses;
    }
    expect(status === 0 || status >= 500).toBe(true); // retryable, never a 2xx with a wrong answer or a 4xx
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`never accepted: ${statuses.join(",")}`);
}

describe.skipIf(!isServer)("PostgreSQL drops every connection under load", () => {
  it("webhooks answered during the outage are retryable; afterwards every call has exactly one SMS", async () => {
    const { twilioNumber } = await createTestBusiness({ routingMode: "forwarded" });
    const calls = Array.from({ length: 24 }, () => ({ CallSid: callSid(), From: randomPhone(), To: twilioNumber }));
    const admin = new pg.Client({ connectionString: inject("databaseUrl") });
    await admin.connect();
    const deliveries = calls.map(async (params, index) => {
      await new Promise((resolve) => setTimeout(resolve, index * 40));
      return deliverUntilAccepted(params);
    });
    // Mid-burst: every other session on this database is terminated, as a restart would.
    await new Promise((resolve) => setTimeout(resolve, 400));
    const killed = await admin.query(
      `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    await admin.end();
    expect(killed.rows[0].n).toBeGreaterThan(0);
    await Promise.all(deliveries);

    const callSids = calls.map((call) => call.CallSid);
    await waitFor(
      async () =>
        (await db.message.count({ where: { status: "sent", autoReplyFor: { callSid: { in: callSids } } } })) ===
        calls.length,
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    for (const call of calls) expect(fake.messages.filter((message) => message.to === call.From)).toHaveLength(1);
    expect(await db.call.count({ where: { callSid: { in: callSids } } })).toBe(calls.length);
  }, 90_000);
});
