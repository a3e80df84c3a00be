// One-click number setup against the Twilio fake (IncomingPhoneNumbers with Twilio's paging): the owner lists the
// account's numbers, connects one, and gets back what Twilio now stores; the health panel warns on drift and on a
// plain-http PUBLIC_BASE_URL in production; simulator mode shows what would be set and changes nothing.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as connect } from "@/app/api/phone-numbers/[sid]/connect/route";
import { GET as listNumbers } from "@/app/api/phone-numbers/route";
import { db } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { getHealth } from "@/lib/health/get-health";
import { CONNECTION_OVERRIDES } from "@/lib/telephony/connection-overrides";
import { startTwilioFake, type TwilioFake } from "@/test/fakes/twilio-fake";
import { authedRequest, createTestBusiness, randomPhone, sessionCookie } from "@/test/helpers/business";

const accountSid = `AC${"5".repeat(32)}`;
const authToken = "number-setup-token-0123456789";
let fake: TwilioFake;

const useTwilio = () => {
  process.env.TWILIO_ACCOUNT_SID = accountSid;
  process.env.TWILIO_AUTH_TOKEN = authToken;
  process.env.TWILIO_API_BASE_URL = fake.url;
  resetEnvForTests();
};
const useSimulator = () => {
  delete process.env.TWILIO_ACCOUNT_SID;
  delete process.env.TWILIO_AUTH_TOKEN;
  delete process.env.TWILIO_API_BASE_URL;
  resetEnvForTests();
};

async function owner() {
  const test = await createTestBusiness();
  return { ...test, cookie: await sessionCookie({ userId: test.user.id, businessId: test.business.id }) };
}
const connectRequest = (cookie: string, sid: string) =>
  connect(authedRequest(`/api/phone-numbers/${sid}/connect`, { cookie, method: "POST" }), {
    params: Promise.resolve({ sid }),
  });
const expected = (path: string) => `https://ringback.test/api/twilio/${path}#${CONNECTION_OVERRIDES}`;

beforeAll(async () => {
  fake = await startTwilioFake({ accountSid, authToken });
});

afterEach(useSimulator);

afterAll(async () => {
  await fake.close();
});

describe("number setup with Twilio", () => {
  it("lists every number of the account across Twilio's pages, each with its settings and drift", async () => {
    useTwilio();
    const before = fake.incomingNumbers.list.length;
    for (let index = 0; index < 105; index++) fake.incomingNumbers.add({ phoneNumber: randomPhone() });
    const { cookie } = await owner();
    const response = await listNumbers(authedRequest("/api/phone-numbers", { cookie }), {} as never);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { mode: string; numbers: { sid: string; drift: unknown[] }[] };
    expect(body.mode).toBe("twilio");
    expect(body.numbers).toHaveLength(before + 105);
    expect(new Set(body.numbers.map((number) => number.sid)).size).toBe(before + 105);
    // Fresh numbers point nowhere: every one differs from what Ringback needs (the URLs; the methods are POST).
    expect(body.numbers.every((number) => number.drift.length === 4)).toBe(true);
  });

  it("connects a number: sets URLs and methods, reads them back, and matches the number to the business", async () => {
    useTwilio();
    const { cookie, business, twilioNumber } = await owner();
    const number = fake.incomingNumbers.add({ phoneNumber: twilioNumber, voiceUrl: "https://old.example.com/voice" });
    const response = await connectRequest(cookie, number.sid);
    expect(response.status).toBe(200);
    const { number: connected } = (await response.json()) as {
      number: { phoneNumber: string; settings: Record<string, string>; drift: unknown[] };
    };
    expect(fake.incomingNumbers.updates.at(-1)).toEqual({
      sid: number.sid,
      form: {
        VoiceUrl: expected("voice"),
        VoiceMethod: "POST",
        VoiceFallbackUrl: expected("voice-fallback"),
        VoiceFallbackMethod: "POST",
        SmsUrl: expected("sms"),
        SmsMethod: "POST",
        StatusCallback: expected("call-status"),
        StatusCallbackMethod: "POST",
      },
    });
    expect(connected.drift).toEqual([]);
    expect(connected.settings).toEqual({
      voiceUrl: expected("voice"),
      voiceMethod: "POST",
      voiceFallbackUrl: expected("voice-fallback"),
      smsUrl: expected("sms"),
      smsMethod: "POST",
      statusCallback: expected("call-status"),
    });
    // A second number of the account joins the business: its calls and texts now land here.
    const second = fake.incomingNumbers.add({ phoneNumber: randomPhone() });
    expect((await connectRequest(cookie, second.sid)).status).toBe(200);
    expect(await db.phoneNumber.findUnique({ where: { e164: second.phoneNumber } })).toMatchObject({
      businessId: business.id,
    });
    expect((await getHealth({ businessId: business.id })).setupWarnings).toEqual([]);

    // Someone edits the number in the Twilio console: the health panel names the drift.
    number.voiceUrl = "https://old.example.com/voice";
    const warnings = (await getHealth({ businessId: business.id })).setupWarnings;
    expect(warnings).toEqual([
      expect.objectContaining({
        code: "number_drift",
        message: expect.stringContaining("https://old.example.com/voice"),
      }),
    ]);
    expect((await connectRequest(cookie, number.sid)).status).toBe(200);
    expect((await getHealth({ businessId: business.id })).setupWarnings).toEqual([]);
  });

  it("refuses a member (403), an unknown sid and another business's number (404, not even listed)", async () => {
    useTwilio();
    const first = await owner();
    const second = await owner();
    const number = fake.incomingNumbers.add({ phoneNumber: randomPhone() });
    expect((await connectRequest(first.cookie, number.sid)).status).toBe(200);
    const updates = fake.incomingNumbers.updates.length;
    expect((await connectRequest(second.cookie, number.sid)).status).toBe(404);
    const listed = await listNumbers(authedRequest("/api/phone-numbers", { cookie: second.cookie }), {} as never);
    const { numbers } = (await listed.json()) as { numbers: { sid: string }[] };
    expect(numbers.map((candidate) => candidate.sid)).not.toContain(number.sid);
    expect((await connectRequest(second.cookie, `PN${"0".repeat(32)}`)).status).toBe(404);
    const teammate = await db.user.create({
      data: { email: `m-${Date.now()}@example.test`, name: "M", passwordHash: "x" },
    });
    await db.membership.create({ data: { userId: teammate.id, businessId: first.business.id, role: "member" } });
    const memberCookie = await sessionCookie({ userId: teammate.id, businessId: first.business.id });
    expect((await connectRequest(memberCookie, number.sid)).status).toBe(403);
    expect(fake.incomingNumbers.updates.length).toBe(updates);
  });

  it("warns when PUBLIC_BASE_URL is not https in production", async () => {
    useTwilio();
    const { business } = await owner();
    const saved = { NODE_ENV: process.env.NODE_ENV, PUBLIC_BASE_URL: process.env.PUBLIC_BASE_URL };
    Object.assign(process.env, { NODE_ENV: "production", PUBLIC_BASE_URL: "http://ringback.example.com" });
    resetEnvForTests();
    try {
      const warnings = (await getHealth({ businessId: business.id })).setupWarnings;
      expect(warnings.map((warning) => warning.code)).toContain("public_url_not_https");
    } finally {
      Object.assign(process.env, saved);
      resetEnvForTests();
    }
  });
});

describe("number setup in simulator mode", () => {
  it("shows what would be set and changes nothing", async () => {
    const { cookie, twilioNumber } = await owner();
    const response = await listNumbers(authedRequest("/api/phone-numbers", { cookie }), {} as never);
    expect(await response.json()).toMatchObject({
      mode: "simulator",
      businessNumbers: [twilioNumber],
      wouldSet: { voiceUrl: expected("voice"), voiceFallbackUrl: expected("voice-fallback"), smsMethod: "POST" },
    });
    const updates = fake.incomingNumbers.updates.length;
    expect((await connectRequest(cookie, `PN${"1".repeat(32)}`)).status).toBe(404);
    expect(fake.incomingNumbers.updates.length).toBe(updates);
  });
});
