// The database unreachable (a Prisma client pointed at a closed port). The health probe says 503, app APIs answer a
// retryable 503 in the JSON error shape, and Twilio webhooks answer a 5xx, never a TwiML that would tell Twilio
// the call or text was handled. Twilio is modelled as it behaves (test/fakes/twilio-webhook-delivery.ts): an error
// answer is not retried unless the URL carries connection overrides; Ringback's URLs do, and the number's voice
// fallback answers the caller without the database once the retries are spent.
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { capturedLogLines } from "@/test/reliability/capture-logs";
import { GET as health } from "@/app/api/health/route";
import { GET as threads } from "@/app/api/threads/route";
import { POST as dialAction } from "@/app/api/twilio/dial-action/route";
import { POST as sms } from "@/app/api/twilio/sms/route";
import { POST as voiceFallback } from "@/app/api/twilio/voice-fallback/route";
import { POST as voice } from "@/app/api/twilio/voice/route";
import { disconnectDb } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { CONNECTION_OVERRIDES } from "@/lib/telephony/connection-overrides";
import { numberWebhookUrls } from "@/lib/telephony/number-webhook-urls";
import { deliverWebhook, dispatchToRoutes, parseOverrides } from "@/test/fakes/twilio-webhook-delivery";
import { createTestBusiness, randomPhone, sessionCookie } from "@/test/helpers/business";
import { messageSid } from "@/test/helpers/inbound-sms";
import { callSid } from "@/test/helpers/twilio";

const authToken = "db-down-auth-token-0123456789";
const dispatch = dispatchToRoutes({
  "/api/twilio/voice": voice,
  "/api/twilio/voice-fallback": voiceFallback,
  "/api/twilio/sms": sms,
  "/api/twilio/dial-action": dialAction,
});
let realUrl = "";
let twilioNumber = "";
let cookie = "";

/** A port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  // Production-like: a real Twilio token in the environment (the simulator's token lives in the database).
  process.env.TWILIO_ACCOUNT_SID = `AC${"e".repeat(32)}`;
  process.env.TWILIO_AUTH_TOKEN = authToken;
  resetEnvForTests();
  const test = await createTestBusiness();
  twilioNumber = test.twilioNumber;
  cookie = await sessionCookie({ userId: test.user.id, businessId: test.business.id });
  realUrl = process.env.DATABASE_URL!;
  await disconnectDb();
  process.env.DATABASE_URL = `postgresql://ringback:ringback@127.0.0.1:${await closedPort()}/ringback`;
  resetEnvForTests();
});

afterAll(async () => {
  await disconnectDb();
  process.env.DATABASE_URL = realUrl;
  delete process.env.TWILIO_ACCOUNT_SID;
  delete process.env.TWILIO_AUTH_TOKEN;
  resetEnvForTests();
});

describe("database unreachable", () => {
  it("/api/health answers 503 with Retry-After", async () => {
    const response = await health();
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBeTruthy();
    expect(await response.json()).toMatchObject({ ok: false, db: "down" });
  });

  it("an app API answers a retryable 503 in the JSON error shape, without internals", async () => {
    const response = await threads(
      new Request("https://ringback.test/api/threads", { headers: { cookie } }),
      {} as never,
    );
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ error: { code: "service_unavailable" } });
    expect(text).not.toMatch(/prisma|ECONNREFUSED|at \//i);
  });

  it("the number's URLs ask Twilio to retry 5xx answers and failed connections, 3 times, within 15 s", () => {
    for (const url of Object.values(numberWebhookUrls()).filter((value) => value.startsWith("http"))) {
      expect(url.endsWith(`#${CONNECTION_OVERRIDES}`), url).toBe(true);
      const overrides = parseOverrides(url);
      expect(overrides.retries).toBe(3);
      expect([...overrides.retryOn].sort()).toEqual(["5xx", "ct"]);
      expect(overrides.totalMs).toBeLessThanOrEqual(15_000);
    }
  });

  it("a call to a URL without overrides: Twilio tries once, the 5xx is not retried, the call is lost", async () => {
    const params = { CallSid: callSid(), From: randomPhone(), To: twilioNumber };
    const delivery = await deliverWebhook({
      url: "https://ringback.test/api/twilio/voice",
      params,
      authToken,
      dispatch,
    });
    expect(delivery.attempts).toHaveLength(1);
    expect(delivery.attempts[0]!.failure).toBe("5xx");
    expect(delivery.response).toBeNull();
  });

  it("a call to the number's URLs: retried 3 times, then the fallback greets the caller and takes a voicemail without the database", async () => {
    const { voiceUrl, voiceFallbackUrl } = numberWebhookUrls();
    const sid = callSid();
    const delivery = await deliverWebhook({
      url: voiceUrl,
      fallbackUrl: voiceFallbackUrl,
      params: { CallSid: sid, From: randomPhone(), To: twilioNumber },
      authToken,
      dispatch,
    });
    expect(delivery.attempts.map((attempt) => [attempt.url.split("#")[0], attempt.status])).toEqual([
      ["https://ringback.test/api/twilio/voice", 500],
      ["https://ringback.test/api/twilio/voice", 500],
      ["https://ringback.test/api/twilio/voice", 500],
      ["https://ringback.test/api/twilio/voice", 500],
      ["https://ringback.test/api/twilio/voice-fallback", 200],
    ]);
    expect(delivery.usedFallback).toBe(true);
    expect(delivery.body).toMatch(/<Say>[^<]*missed your call/);
    expect(delivery.body).toContain("<Record");
    expect(delivery.body).not.toMatch(/not in service/);
    // The call is logged by its CallSid, so that the reconciliation with Twilio's Calls list finds it again.
    expect(capturedLogLines.some((line) => line.includes(sid) && line.includes("voice fallback"))).toBe(true);
  });

  it("a customer's text to the number's URL: retried 3 times, every attempt a 5xx (never an empty TwiML that drops it)", async () => {
    const { smsUrl } = numberWebhookUrls();
    const delivery = await deliverWebhook({
      url: smsUrl,
      params: { MessageSid: messageSid(), From: randomPhone(), To: twilioNumber, Body: "Are you open?", NumMedia: "0" },
      authToken,
      dispatch,
    });
    expect(delivery.attempts.map((attempt) => attempt.failure)).toEqual(["5xx", "5xx", "5xx", "5xx"]);
  });

  it("a dial result (Dial action URL from our TwiML): retried like the rest, never a voicemail TwiML", async () => {
    const dial = await dialAction(new Request("https://ringback.test/api/twilio/dial-action", { method: "POST" }));
    expect(dial.status).toBe(403); // unsigned: refused before the database is needed
    const delivery = await deliverWebhook({
      url: `https://ringback.test/api/twilio/dial-action#${CONNECTION_OVERRIDES}`,
      params: { CallSid: callSid(), From: randomPhone(), To: twilioNumber, DialCallStatus: "no-answer" },
      authToken,
      dispatch,
    });
    expect(delivery.attempts.map((attempt) => attempt.failure)).toEqual(["5xx", "5xx", "5xx", "5xx"]);
  });
});
