// The database unreachable (a Prisma client pointed at a closed port): the health probe says 503, app APIs answer
// a retryable 503 with the JSON error shape, and Twilio webhooks answer a retryable non-2xx — never a TwiML that
// would tell Twilio the call or text was handled.
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { GET as threads } from "@/app/api/threads/route";
import { POST as sms } from "@/app/api/twilio/sms/route";
import { POST as voice } from "@/app/api/twilio/voice/route";
import { POST as dialAction } from "@/app/api/twilio/dial-action/route";
import { disconnectDb } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { createTestBusiness, randomPhone, sessionCookie } from "@/test/helpers/business";
import { messageSid } from "@/test/helpers/inbound-sms";
import { callSid, signedTwilioRequest } from "@/test/helpers/twilio";

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
  process.env.TWILIO_AUTH_TOKEN = "db-down-auth-token-0123456789";
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

  it("a customer's text: a retryable non-2xx (Twilio retries), not an empty TwiML that drops it", async () => {
    const request = await signedTwilioRequest("/api/twilio/sms", {
      MessageSid: messageSid(),
      From: randomPhone(),
      To: twilioNumber,
      Body: "Are you open?",
      NumMedia: "0",
    });
    const response = await sms(request);
    expect([500, 503]).toContain(response.status);
    expect(await response.text()).not.toContain("<Response");
  });

  it("a call and a dial result: a retryable non-2xx, never 'not in service' or a voicemail TwiML", async () => {
    const sid = callSid();
    const call = await voice(
      await signedTwilioRequest("/api/twilio/voice", { CallSid: sid, From: randomPhone(), To: twilioNumber }),
    );
    expect([500, 503]).toContain(call.status);
    expect(await call.text()).not.toMatch(/not in service|<Record/);
    const dial = await dialAction(
      await signedTwilioRequest("/api/twilio/dial-action", {
        CallSid: sid,
        From: randomPhone(),
        To: twilioNumber,
        DialCallStatus: "no-answer",
      }),
    );
    expect([500, 503]).toContain(dial.status);
  });
});
