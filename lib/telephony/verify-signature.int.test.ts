// docs/reliability.md "Webhooks from Twilio": the signature rules, driven through the real /api/twilio/voice route,
// and the refusal checked on every /api/twilio route found on disk.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as voice } from "@/app/api/twilio/voice/route";
import { db } from "@/lib/db/client";
import { createTestBusiness, randomPhone } from "@/test/helpers/business";
import { CONNECTION_OVERRIDES } from "@/lib/telephony/connection-overrides";
import { callSid, signedTwilioRequest, twilioSignature } from "@/test/helpers/twilio";
import { healthEventsSinceAnHourAgo } from "@/test/helpers/health";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { leaveNoWorkBehind } from "@/test/helpers/leave-no-work-behind";
import { rowCounts } from "@/test/reliability/fuzz-helpers";
import { loadRoutes } from "@/test/reliability/route-inventory";
import { BASE, twilioRouteSpecs } from "@/test/reliability/twilio-route-specs";

const fileStartedAt = new Date();

beforeAll(async () => {
  await getBoss(); // the accepted requests queue work (auto-SMS, inbound processing); no worker runs it here
});

afterAll(async () => {
  await leaveNoWorkBehind(fileStartedAt);
  await stopBoss();
});

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

  it("covers every /api/twilio route on disk: missing, wrong and stale signatures are 403 and write nothing; signed is accepted (2xx)", async () => {
    // Webhook routes have no session and no role: the Twilio signature is their only credential. So each route
    // found on disk (a new one fails here until it has a valid request in twilio-route-specs.ts) gets a request it
    // would accept, and is shown to refuse it without a valid signature and to accept it with one.
    const onDisk = (await loadRoutes()).filter((route) => route.urlPath.startsWith("/api/twilio/"));
    expect(onDisk.length).toBeGreaterThanOrEqual(11);
    expect(onDisk.map((route) => `${route.method} ${route.urlPath}`).sort()).toEqual(
      Object.keys(twilioRouteSpecs)
        .map((path) => `POST ${path}`)
        .sort(),
    );
    const business = await createTestBusiness({ whisperEnabled: true });
    for (const route of onDisk) {
      const spec = twilioRouteSpecs[route.urlPath]!;
      const { params, query } = await spec.prepare(business);
      const url = `${BASE}${route.urlPath}${query ? `?${new URLSearchParams(query)}` : ""}`;
      const firstKey = Object.keys(params)[0]!;
      const tampered = { ...params, [firstKey]: `${params[firstKey]}0` };
      const request = async (signature: string | null, body = params) =>
        new Request(url, {
          method: "POST",
          headers: {
            "content-type": "application/x-www-form-urlencoded",
            ...(signature === null ? {} : { "x-twilio-signature": signature }),
          },
          body: new URLSearchParams(body).toString(),
        });
      const refusals = {
        missing: await request(null),
        wrong: await request("bm90IGEgc2lnbmF0dXJl"),
        "stale (one parameter altered)": await request(await twilioSignature(url, params), tampered),
        "signed for another path": await request(await twilioSignature(`${BASE}/api/twilio/other`, params)),
      };
      const before = await rowCounts();
      for (const [name, refused] of Object.entries(refusals)) {
        expect((await route.handler(refused, { params: Promise.resolve({}) })).status, `${route.urlPath} ${name}`).toBe(
          403,
        );
      }
      expect(await rowCounts(), `${route.urlPath}: a refused request wrote rows`).toEqual(before);
      const accepted = await route.handler(await request(await twilioSignature(url, params)), {
        params: Promise.resolve({}),
      });
      const acceptedLabel = `${route.urlPath} validly signed: ${accepted.status} ${await accepted.text()}`;
      expect(accepted.status, acceptedLabel).toBeGreaterThanOrEqual(200);
      expect(accepted.status, acceptedLabel).toBeLessThan(300);
    }
  }, 180_000); // eleven routes, each prepared for real (calls, texts) and sent six requests: slow on a loaded machine

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
