// A valid request for every /api/twilio route, each prepared against a business (a call started, a text received…),
// keyed by the route's URL path. Shared by the field fuzz and the signature checks, which both enumerate the routes
// on disk and fail for a route that has no entry here.
import { randomBytes } from "node:crypto";
import { expect } from "vitest";
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
import { createTestBusiness, randomPhone } from "@/test/helpers/business";
import { messageSid, postInboundSms } from "@/test/helpers/inbound-sms";
import { callSid, signedTwilioRequest } from "@/test/helpers/twilio";

export type Business = Awaited<ReturnType<typeof createTestBusiness>>;
export type Prepared = { params: Record<string, string>; query?: Record<string, string> };
export type RouteSpec = {
  handler: (request: Request) => Promise<Response>;
  prepare: (business: Business) => Promise<Prepared>;
  /** fields whose cleaned value, when accepted, must be found stored (the route keeps that text) */
  storedText?: string[];
};

export const BASE = "https://ringback.test";
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

export const twilioRouteSpecs: Record<string, RouteSpec> = {
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
