// TwiML answers for the voice webhooks, built with the twilio package's VoiceResponse (it escapes for us), as the
// plain answers every Twilio webhook gives (lib/telephony/plain-webhook.ts).
import { LRUCache } from "lru-cache";
import twilio from "twilio";
import { withConnectionOverrides } from "@/lib/telephony/connection-overrides";
import type { TwilioWebhookAnswer } from "@/lib/telephony/plain-webhook";
import { signedUrlFor } from "@/lib/telephony/verify-signature";

export type VoiceResponse = InstanceType<typeof twilio.twiml.VoiceResponse>;

export function voiceResponse(): VoiceResponse {
  return new twilio.twiml.VoiceResponse();
}

/**
 * TwiML is a few hundred bytes read once by Twilio: `no-transform` keeps the server from gzipping it (a zlib stream
 * per answer cost about 4% of the server's CPU on a missed call, to save a few hundred bytes on the wire).
 */
const TWIML_HEADERS = Object.freeze({
  "content-type": "text/xml; charset=utf-8",
  "cache-control": "no-store, no-transform",
});

export function twimlAnswer(response: VoiceResponse | string): TwilioWebhookAnswer {
  return Object.freeze({ status: 200, body: response.toString(), headers: TWIML_HEADERS });
}

/**
 * An absolute callback URL under /api/twilio/ (Twilio signs it when it calls back), with the connection overrides
 * that make Twilio retry a failed attempt.
 */
export function callbackUrl(path: string, query?: Record<string, string>): string {
  const search = query ? `?${new URLSearchParams(query).toString()}` : "";
  return withConnectionOverrides(signedUrlFor(`/api/twilio/${path}${search}`));
}

/** The greeting's answer by base URL and greeting: a few per business (greetings change rarely). */
const greetingAnswers = new LRUCache<string, TwilioWebhookAnswer>({ max: 1_000 });

/**
 * The missed-call answer: a short greeting, then a voicemail with its recording and transcript called back. The same
 * for every call of a business, so it is built once per greeting (and base URL) and kept.
 */
export function greetingAndVoicemail(greeting: string): TwilioWebhookAnswer {
  const key = `${signedUrlFor("/")}\n${greeting}`;
  let answer = greetingAnswers.get(key);
  if (answer === undefined) {
    answer = twimlAnswer(buildGreetingAndVoicemail(greeting));
    greetingAnswers.set(key, answer);
  }
  return answer;
}

function buildGreetingAndVoicemail(greeting: string): string {
  const response = voiceResponse();
  response.say(greeting);
  response.record({
    action: callbackUrl("recording"),
    method: "POST",
    maxLength: 120,
    playBeep: true,
    transcribe: true,
    transcribeCallback: callbackUrl("transcription"),
  });
  return response.toString();
}

/** A caller's number Twilio accepts as the Dial's callerId (E.164); anything else would make the Dial fail. */
const E164_CALLER = /^\+[1-9]\d{1,14}$/;
/** Stands in for the caller's number while the Dial is built: letters only, so it comes out of the XML as it went in. */
const CALLER_SLOT = "RingbackCallerSlot";
/** The Dial's XML around the caller's number, by base URL, timeout, number and whether a callerId is given. */
const dialParts = new LRUCache<string, readonly string[]>({ max: 1_000 });

/**
 * A ring-first call's answer: dial the professional, the Dial action called back when it ends, the customer's
 * number shown as caller ID. Only that number changes between a business's calls, so the XML around it is built once
 * (with the package's VoiceResponse, like every answer here) and kept: building it for each call was about 3% of the
 * server's CPU on a missed call. Whisper's Dial names the call in its URL and is built per call (buildDial).
 */
export function dialProfessional({
  timeoutSeconds,
  forwardTo,
  callerNumber,
}: {
  timeoutSeconds: number;
  forwardTo: string;
  callerNumber: string;
}): TwilioWebhookAnswer {
  const hasCallerId = E164_CALLER.test(callerNumber);
  const key = `${signedUrlFor("/")}\n${timeoutSeconds}\n${forwardTo}\n${hasCallerId}`;
  let parts = dialParts.get(key);
  if (parts === undefined) {
    parts = dialXml({ timeoutSeconds, forwardTo, callerId: hasCallerId ? CALLER_SLOT : undefined }).split(CALLER_SLOT);
    // The slot is found once (or not at all) unless PUBLIC_BASE_URL itself contains it: then the Dial is built whole.
    if (parts.length !== (hasCallerId ? 2 : 1)) return buildDial({ timeoutSeconds, forwardTo, callerNumber });
    dialParts.set(key, parts);
  }
  return twimlAnswer(parts.join(callerNumber));
}

/**
 * The same Dial built for one call; with `callSid`, the professional first hears who calls (the whisper, whose URL
 * names the call).
 */
export function buildDial({
  timeoutSeconds,
  forwardTo,
  callerNumber,
  callSid,
}: {
  timeoutSeconds: number;
  forwardTo: string;
  callerNumber: string;
  callSid?: string;
}): TwilioWebhookAnswer {
  const callerId = E164_CALLER.test(callerNumber) ? callerNumber : undefined;
  return twimlAnswer(dialXml({ timeoutSeconds, forwardTo, callerId, callSid }));
}

function dialXml({
  timeoutSeconds,
  forwardTo,
  callerId,
  callSid,
}: {
  timeoutSeconds: number;
  forwardTo: string;
  callerId?: string;
  callSid?: string;
}): string {
  const response = voiceResponse();
  const dial = response.dial({
    timeout: timeoutSeconds,
    action: callbackUrl("dial-action"),
    method: "POST",
    ...(callerId === undefined ? {} : { callerId }),
  });
  if (callSid === undefined) dial.number(forwardTo);
  else dial.number({ url: callbackUrl("whisper", { parentCallSid: callSid }), method: "POST" }, forwardTo);
  return response.toString();
}

/** For a number no business owns. */
export function unknownNumberAnswer(): TwilioWebhookAnswer {
  const response = voiceResponse();
  response.say("Sorry, this number is not in service. Goodbye.");
  response.hangup();
  return twimlAnswer(response);
}

/** `<Response/>`, the answer of every text and status webhook: built once. */
let emptyTwimlAnswer: TwilioWebhookAnswer | undefined;

export function emptyTwiml(): TwilioWebhookAnswer {
  emptyTwimlAnswer ??= twimlAnswer(voiceResponse());
  return emptyTwimlAnswer;
}

/**
 * The fallback answer (the voice webhook failed: the app or its database is down), built without the database: no
 * business name or custom greeting, a polite sentence and a voicemail whose recording comes back to us as usual.
 */
export function fallbackGreetingAndVoicemail(): TwilioWebhookAnswer {
  return greetingAndVoicemail(
    "Sorry we missed your call. Please leave your name, number and a short message after the tone, and we will get back to you soon.",
  );
}
