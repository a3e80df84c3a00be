// Faults: PostgreSQL drops every connection under load (what a server restart or failover looks like from the app).
// Twilio is modelled as it behaves (test/fakes/twilio-webhook-delivery.ts): it retries an error answer only because
// the number's URLs carry connection overrides, at most 3 times, within 15 s, and otherwise falls back. The app
// reconnects; a webhook that hit the outage is accepted on Twilio's retry, never through the fallback; nothing
// accepted is lost and every auto-SMS goes out exactly once. Needs a PostgreSQL server: the embedded database lives
// inside the test runner and cannot be restarted under the app.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import pg from "pg";
import { POST as messageStatus } from "@/app/api/twilio/message-status/route";
import { POST as voiceFallback } from "@/app/api/twilio/voice-fallback/route";
import { POST as voice } from "@/app/api/twilio/voice/route";
import { db } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { stopBoss } from "@/lib/jobs/boss";
import { startWorker } from "@/lib/jobs/worker";
import { numberWebhookUrls } from "@/lib/telephony/number-webhook-urls";
import { startTwilioFake, type TwilioFake } from "@/test/fakes/twilio-fake";
import { deliverWebhook, dispatchToRoutes, type Delivery } from "@/test/fakes/twilio-webhook-delivery";
import { createTestBusiness, randomPhone } from "@/test/helpers/business";
import { callSid } from "@/test/helpers/twilio";
import { waitFor } from "@/test/helpers/wait";

const isServer = inject("databaseKind") === "server";

const accountSid = `AC${"e".repeat(32)}`;
const authToken = "restart-auth-token-0123456789";
const dispatch = dispatchToRoutes({ "/api/twilio/voice": voice, "/api/twilio/voice-fallback": voiceFallback });
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
  delete process.env.TWILIO_ACCOUNT_SID;
  delete process.env.TWILIO_AUTH_TOKEN;
  delete process.env.TWILIO_API_BASE_URL;
  resetEnvForTests();
});

describe.skipIf(!isServer)("PostgreSQL drops every connection under load", () => {
  it("calls that hit the outage are accepted on Twilio's retry (overrides); every call has exactly one SMS", async () => {
    const { twilioNumber } = await createTestBusiness({ routingMode: "forwarded" });
    const { voiceUrl, voiceFallbackUrl } = numberWebhookUrls();
    const calls = Array.from({ length: 24 }, () => ({ CallSid: callSid(), From: randomPhone(), To: twilioNumber }));
    const admin = new pg.Client({ connectionString: inject("databaseUrl") });
    await admin.connect();
    const deliveries: Promise<Delivery>[] = calls.map(async (params, index) => {
      await new Promise((resolve) => setTimeout(resolve, index * 40));
      return deliverWebhook({ url: voiceUrl, fallbackUrl: voiceFallbackUrl, params, authToken, dispatch });
    });
    // Mid-burst: every other session on this database is terminated, as a restart would.
    await new Promise((resolve) => setTimeout(resolve, 400));
    const killed = await admin.query(
      `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    await admin.end();
    expect(killed.rows[0].n).toBeGreaterThan(0);
    const results = await Promise.all(deliveries);

    for (const result of results) {
      expect(result.usedFallback, JSON.stringify(result.attempts)).toBe(false);
      expect(result.response?.status).toBe(200);
      expect(result.body).toMatch(/<Response>/);
      expect(result.attempts.length).toBeLessThanOrEqual(4); // the first attempt and Twilio's 3 retries
    }
    const retried = results.filter((result) => result.attempts.length > 1).length;
    console.log(`database restart: ${retried} of ${calls.length} calls were accepted on Twilio's retry`);

    const callSids = calls.map((call) => call.CallSid);
    await waitFor(
      async () =>
        (await db.message.count({
          where: { status: { in: ["sent", "delivered"] }, autoReplyFor: { callSid: { in: callSids } } },
        })) === calls.length,
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    for (const call of calls) expect(fake.messages.filter((message) => message.to === call.From)).toHaveLength(1);
    expect(await db.call.count({ where: { callSid: { in: callSids } } })).toBe(calls.length);
  }, 90_000);
});
