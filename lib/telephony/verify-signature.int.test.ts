// docs/reliability.md "Webhooks from Twilio": the signature rules, driven through the real /api/twilio/voice route.
import { describe, expect, it } from "vitest";
import { POST as voice } from "@/app/api/twilio/voice/route";
import { POST as messageStatus } from "@/app/api/twilio/message-status/route";
import { db } from "@/lib/db/client";
import { createTestBusiness, randomPhone } from "@/test/helpers/business";
import { CONNECTION_OVERRIDES } from "@/lib/telephony/connection-overrides";
import { callSid, signedTwilioRequest, twilioSignature } from "@/test/helpers/twilio";
import { healthEventsSinceAnHourAgo } from "@/test/helpers/health";

async function callCount(businessId: string) {
  return db.call.count({ where: { businessId } });
}

describe("Twilio webhook signatures", () => {
  it("accepts a correctly signed request (simulator token) and answers TwiML", async () => {
    const { business, twilioNumber } = await createTestBusiness();
    const response = await voice(
      await signedTwilioRequest("/api/twilio/voice", { CallSid: callSid(), From: randomPhone(), To: twilioNumber }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/xml");
    expect(await response.text()).toContain("<Dial");
    expect(await callCount(business.id)).toBe(1);
  });

  it("refuses missing, wrong and stale (one parameter altered) signatures with 403 and writes nothing", async () => {
    const { business, twilioNumber } = await createTestBusiness();
    const params = { CallSid: callSid(), From: randomPhone(), To: twilioNumber };
    const failuresBefore = await healthEventsSinceAnHourAgo("signature_failure");
    const requests = [
      await signedTwilioRequest("/api/twilio/voice", params, { signature: null }),
      await signedTwilioRequest("/api/twilio/voice", params, { signature: "bm90IGEgc2lnbmF0dXJl" }),
      await signedTwilioRequest("/api/twilio/voice", { ...params, From: randomPhone() }, { signedParams: params }),
    ];
    for (const request of requests) expect((await voice(request)).status).toBe(403);
    expect(await callCount(business.id)).toBe(0);
    expect(await healthEventsSinceAnHourAgo("signature_failure")).toBe(failuresBefore + 3);
  });

  it("checks against PUBLIC_BASE_URL, not the Host or X-Forwarded-Host headers", async () => {
    const { business, twilioNumber } = await createTestBusiness();
    const params = { CallSid: callSid(), From: randomPhone(), To: twilioNumber };
    const forged = await signedTwilioRequest("/api/twilio/voice", params, {
      signedUrl: "https://evil.example/api/twilio/voice",
      headers: { host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" },
    });
    expect((await voice(forged)).status).toBe(403);
    // A request arriving at another host/URL but signed for PUBLIC_BASE_URL is fine: only path + query are taken.
    const signed = await signedTwilioRequest("/api/twilio/voice", params);
    const viaProxy = new Request("http://10.0.0.5:3000/api/twilio/voice", {
      method: "POST",
      headers: signed.headers,
      body: await signed.text(),
    });
    expect((await voice(viaProxy)).status).toBe(200);
    expect(await callCount(business.id)).toBe(1);
  });

  it("accepts the URL signed with :443", async () => {
    const { twilioNumber } = await createTestBusiness();
    const params = { CallSid: callSid(), From: randomPhone(), To: twilioNumber };
    const request = await signedTwilioRequest("/api/twilio/voice", params, {
      signedUrl: "https://ringback.test:443/api/twilio/voice",
    });
    expect((await voice(request)).status).toBe(200);
  });

  it("validates values with ' + @ : and spaces, and unknown extra parameters", async () => {
    const { twilioNumber } = await createTestBusiness();
    const params = {
      CallSid: callSid(),
      From: randomPhone(),
      To: twilioNumber,
      CallerName: "O'Brien + Sons @ Main St: Unit 4",
      FromCity: "SAN FRANCISCO",
      SomethingNew: "a=b&c",
    };
    expect((await voice(await signedTwilioRequest("/api/twilio/voice", params))).status).toBe(200);
  });

  it("covers every /api/twilio route (message-status too)", async () => {
    const request = await signedTwilioRequest(
      "/api/twilio/message-status",
      { MessageSid: `SM${"0".repeat(32)}`, MessageStatus: "delivered" },
      { signature: "x" },
    );
    expect((await messageStatus(request)).status).toBe(403);
  });

  it("accepts the callback URL signed with or without our connection-overrides fragment, not another fragment", async () => {
    const { business, twilioNumber } = await createTestBusiness();
    const url = "https://ringback.test/api/twilio/voice";
    const signedWith = async (signedUrl: string) =>
      voice(
        await signedTwilioRequest(
          "/api/twilio/voice",
          { CallSid: callSid(), From: randomPhone(), To: twilioNumber },
          { signedUrl },
        ),
      );
    expect((await signedWith(url)).status).toBe(200);
    expect((await signedWith(`${url}#${CONNECTION_OVERRIDES}`)).status).toBe(200);
    expect((await signedWith(`${url}#rc=5&rp=all`)).status).toBe(403);
    expect(await callCount(business.id)).toBe(2);
  });

  it("signs a repeated key with all its values; a repeated field the route reads is refused with 400", async () => {
    const { business, twilioNumber } = await createTestBusiness();
    const body = `CallSid=${callSid()}&From=${encodeURIComponent(randomPhone())}&From=${encodeURIComponent(randomPhone())}&To=${encodeURIComponent(twilioNumber)}`;
    const params: Record<string, string | string[]> = {};
    for (const key of new Set(new URLSearchParams(body).keys())) {
      const values = new URLSearchParams(body).getAll(key);
      params[key] = values.length > 1 ? values : values[0]!;
    }
    const request = new Request("https://ringback.test/api/twilio/voice", {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-twilio-signature": await twilioSignature("https://ringback.test/api/twilio/voice", params),
      },
      body,
    });
    expect((await voice(request)).status).toBe(400);
    expect(await callCount(business.id)).toBe(0);
  });
});
