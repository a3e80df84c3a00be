// Every byte answered, Twilio side: each field of each /api/twilio route, validly signed, carrying NUL and other
// control characters, lone surrogates, broken %-escapes, an over-long value or a second copy of its key. Never a
// 5xx (Twilio, with our connection overrides, would retry a poison request until its budget runs out); refused →
// nothing written; accepted → nothing stored with those bytes, and the text fields hold the cleaned value.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as callStatus } from "@/app/api/twilio/call-status/route";
import { POST as dialAction } from "@/app/api/twilio/dial-action/route";
import { POST as emergencyConnect } from "@/app/api/twilio/emergency-connect/route";
import { POST as messageStatus } from "@/app/api/twilio/message-status/route";
import { POST as recording } from "@/app/api/twilio/recording/route";
import { POST as sms } from "@/app/api/twilio/sms/route";
import { POST as transcription } from "@/app/api/twilio/transcription/route";
import { POST as voiceFallback } from "@/app/api/twilio/voice-fallback/route";
import { POST as voice } from "@/app/api/twilio/voice/route";
import { POST as whisperResult } from "@/app/api/twilio/whisper-result/route";
import { POST as whisper } from "@/app/api/twilio/whisper/route";
import { db } from "@/lib/db/client";
import { hasUnsafeText } from "@/lib/http/clean-text";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { createTestBusiness, randomPhone } from "@/test/helpers/business";
import { messageSid, postInboundSms } from "@/test/helpers/inbound-sms";
import { callSid, signedTwilioRequest, twilioSignature } from "@/test/helpers/twilio";
import { cleanedFormValue, fieldCases } from "@/test/reliability/fuzz-field-values";
import { discardJobsQueuedSince, rowCounts } from "@/test/reliability/fuzz-helpers";
import { loadRoutes } from "@/test/reliability/route-inventory";

type Business = Awaited<ReturnType<typeof createTestBusiness>>;
type Prepared = { params: Record<string, string>; query?: Record<string, string> };
type RouteSpec = {
  handler: (request: Request) => Promise<Response>;
  prepare: (business: Business) => Promise<Prepared>;
  /** fields whose cleaned value, when accepted, must be found stored (the route keeps that text) */
  storedText?: string[];
};

const BASE = "https://ringback.test";
const accountSid = `AC${"1".repeat(32)}`;
const recordingUrl = () => `https://api.twilio.com/2010-04-01/Accounts/${accountSid}/Recordings/RE${hex()}`;
const hex = () => randomBytes(16).toString("hex");

async function startCall(business: Business, params: Record<string, string> = {}) {
  const sid = callSid();
  const from = randomPhone();
  const answer = await voice(
    await signedTwilioRequest("/api/twilio/voice", { CallSid: sid, From: from, To: business.twilioNumber, ...params }),
  );
  expect(answer.status).toBe(200);
  return { sid, from };
}

async function missedCall(business: Business) {
  const call = await startCall(business);
  const dial = { CallSid: call.sid, From: call.from, To: business.twilioNumber, DialCallStatus: "no-answer" };
  expect((await dialAction(await signedTwilioRequest("/api/twilio/dial-action", dial))).status).toBe(200);
  return call;
}

const specs: Record<string, RouteSpec> = {
  "/api/twilio/voice": {
    handler: voice,
    prepare: async (business) => ({
      params: { CallSid: callSid(), AccountSid: accountSid, From: randomPhone(), To: business.twilioNumber },
    }),
    storedText: ["From"],
  },
  "/api/twilio/voice-fallback": {
    handler: voiceFallback,
    prepare: async (business) => ({
      params: {
        CallSid: callSid(),
        From: randomPhone(),
        To: business.twilioNumber,
        ErrorCode: "11200",
        ErrorUrl: `${BASE}/api/twilio/voice`,
      },
    }),
  },
  "/api/twilio/dial-action": {
    handler: dialAction,
    prepare: async (business) => {
      const call = await startCall(business);
      return {
        params: {
          CallSid: call.sid,
          From: call.from,
          To: business.twilioNumber,
          DialCallStatus: "no-answer",
          DialCallDuration: "0",
        },
      };
    },
  },
  "/api/twilio/call-status": {
    handler: callStatus,
    prepare: async (business) => {
      const call = await startCall(business);
      return { params: { CallSid: call.sid, CallStatus: "completed", From: call.from, CallDuration: "30" } };
    },
  },
  "/api/twilio/whisper": {
    handler: whisper,
    prepare: async (business) => ({
      query: { parentCallSid: (await startCall(business)).sid },
      params: { CallSid: callSid(), To: business.ownerPhone },
    }),
  },
  "/api/twilio/whisper-result": {
    handler: whisperResult,
    prepare: async (business) => ({
      query: { parentCallSid: (await startCall(business)).sid },
      params: { CallSid: callSid(), Digits: "1" },
    }),
  },
  "/api/twilio/recording": {
    handler: recording,
    prepare: async (business) => ({
      params: {
        CallSid: (await missedCall(business)).sid,
        RecordingSid: `RE${hex()}`,
        RecordingUrl: recordingUrl(),
        RecordingDuration: "12",
      },
    }),
  },
  "/api/twilio/transcription": {
    handler: transcription,
    prepare: async (business) => ({
      params: {
        CallSid: (await missedCall(business)).sid,
        TranscriptionText: "My water heater is leaking in the basement",
        TranscriptionStatus: "completed",
        RecordingUrl: recordingUrl(),
      },
    }),
    storedText: ["TranscriptionText"],
  },
  "/api/twilio/message-status": {
    handler: messageStatus,
    prepare: async (business) => {
      const sid = messageSid();
      await postInboundSms({ from: randomPhone(), to: business.twilioNumber, body: "Hello", sid });
      return { params: { MessageSid: sid, MessageStatus: "delivered", ErrorCode: "30007", ErrorMessage: "Filtered" } };
    },
  },
  "/api/twilio/sms": {
    handler: sms,
    prepare: async (business) => ({
      params: {
        MessageSid: messageSid(),
        AccountSid: accountSid,
        From: randomPhone(),
        To: business.twilioNumber,
        Body: "Hi, my kitchen sink is blocked",
        NumMedia: "0",
      },
    }),
    storedText: ["Body"],
  },
  "/api/twilio/emergency-connect": {
    handler: emergencyConnect,
    prepare: async (business) => {
      const from = randomPhone();
      await postInboundSms({ from, to: business.twilioNumber, body: "Burst pipe, water everywhere" });
      const thread = await db.thread.findFirstOrThrow({
        where: { businessId: business.business.id, lead: { phone: from } },
        select: { id: true },
      });
      return { query: { threadId: thread.id }, params: { CallSid: callSid(), Digits: "1" } };
    },
  },
};

/** Raw `key=value&…` text; `hostile` replaces one field's value (or appends a second copy of its key). */
function rawForm(values: Record<string, string>, hostile?: { key: string; raw: string } | { duplicate: string }) {
  const pairs = Object.entries(values).map(([key, value]) => {
    if (hostile && "key" in hostile && hostile.key === key) return `${key}=${hostile.raw}`;
    return `${encodeURIComponent(key)}=${encodeURIComponent(value)}`;
  });
  if (hostile && "key" in hostile && !(hostile.key in values)) pairs.push(`${hostile.key}=${hostile.raw}`);
  if (hostile && "duplicate" in hostile) pairs.push(`${hostile.duplicate}=${encodeURIComponent("+15005550199")}`);
  return pairs.join("&");
}

/** Parameters as Twilio signs them: every key with its value, or all its values when repeated. */
function signedParams(raw: string): Record<string, string | string[]> {
  const search = new URLSearchParams(raw);
  const params: Record<string, string | string[]> = {};
  for (const key of new Set(search.keys())) {
    const values = search.getAll(key);
    params[key] = values.length === 1 ? values[0]! : values;
  }
  return params;
}

async function send(path: string, spec: RouteSpec, rawQuery: string, rawBody: string) {
  const url = `${BASE}${path}${rawQuery ? `?${rawQuery}` : ""}`;
  const request = new Request(url, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-twilio-signature": await twilioSignature(url, signedParams(rawBody)),
    },
    body: rawBody,
  });
  return spec.handler(request);
}

/** Every string column of the business's rows, as one list. */
async function storedStrings(businessId: string): Promise<string[]> {
  const rows = await Promise.all([
    db.call.findMany({ where: { businessId } }),
    db.lead.findMany({ where: { businessId } }),
    db.thread.findMany({ where: { businessId } }),
    db.message.findMany({ where: { businessId } }),
    db.event.findMany({ where: { businessId } }),
  ]);
  const strings: string[] = [];
  const collect = (value: unknown) => {
    if (typeof value === "string") strings.push(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === "object" && !(value instanceof Date)) Object.values(value).forEach(collect);
  };
  collect(rows);
  return strings;
}

let business: Business;

const fileStartedAt = new Date();

beforeAll(async () => {
  await getBoss();
  business = await createTestBusiness({ whisperEnabled: true });
});

afterAll(async () => {
  await discardJobsQueuedSince(fileStartedAt);
  await stopBoss();
});

describe("every byte answered: each field of each Twilio route", () => {
  it("has a field spec for every /api/twilio route on disk", async () => {
    const onDisk = (await loadRoutes()).filter((route) => route.urlPath.startsWith("/api/twilio/"));
    expect(onDisk.map((route) => route.urlPath).sort()).toEqual(Object.keys(specs).sort());
  });

  for (const [path, spec] of Object.entries(specs)) {
    it(`${path}: hostile bytes in every field → 2xx or 4xx; refused writes nothing, accepted stores clean text`, async () => {
      const sample = await spec.prepare(business);
      const fields = [
        ...Object.keys(sample.params).map((key) => ({ key, inQuery: false })),
        ...Object.keys(sample.query ?? {}).map((key) => ({ key, inQuery: true })),
        { key: "SomethingNew", inQuery: false },
      ];
      for (const field of fields) {
        const cases = [
          ...fieldCases.map((fieldCase) => ({ name: fieldCase.name, raw: fieldCase.raw })),
          { name: "duplicate key", raw: null },
        ];
        for (const fieldCase of cases) {
          const { params, query = {} } = await spec.prepare(business);
          const base = (field.inQuery ? query[field.key] : params[field.key]) ?? "extra value";
          const hostile =
            fieldCase.raw === null ? { duplicate: field.key } : { key: field.key, raw: fieldCase.raw(base) };
          const rawBody = rawForm(params, field.inQuery ? undefined : hostile);
          const rawQuery = Object.keys(query).length ? rawForm(query, field.inQuery ? hostile : undefined) : "";
          const label = `${path} ${field.key} [${fieldCase.name}]`;
          const before = await rowCounts();
          const response = await send(path, spec, rawQuery, rawBody);
          const text = await response.text();
          expect(response.status, `${label} → ${response.status} ${text.slice(0, 120)}`).toBeLessThan(500);
          expect(response.status, `${label}: a valid signature must not be refused`).not.toBe(403);
          if (response.status >= 400) {
            expect(await rowCounts(), `${label} refused but wrote rows`).toEqual(before);
            continue;
          }
          const stored = await storedStrings(business.business.id);
          const unsafe = stored.find(hasUnsafeText);
          expect(unsafe, `${label} stored control characters or a lone surrogate`).toBeUndefined();
          if (fieldCase.raw !== null && spec.storedText?.includes(field.key)) {
            const cleaned = cleanedFormValue(fieldCase.raw(base)).trim();
            expect(stored, `${label}: the cleaned value is what is stored`).toContain(cleaned);
          }
        }
      }
    });
  }
});
