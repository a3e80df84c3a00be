// TwiML answers for the voice webhooks, built with the twilio package's VoiceResponse (it escapes for us).
import twilio from "twilio";
import { signedUrlFor } from "@/lib/telephony/verify-signature";

export type VoiceResponse = InstanceType<typeof twilio.twiml.VoiceResponse>;

export function voiceResponse(): VoiceResponse {
  return new twilio.twiml.VoiceResponse();
}

export function twimlResponse(response: VoiceResponse | string): Response {
  return new Response(response.toString(), { status: 200, headers: { "content-type": "text/xml; charset=utf-8" } });
}

/** An absolute callback URL under /api/twilio/ (Twilio signs exactly this URL when it calls back). */
export function callbackUrl(path: string, query?: Record<string, string>): string {
  const search = query ? `?${new URLSearchParams(query).toString()}` : "";
  return signedUrlFor(`/api/twilio/${path}${search}`);
}

/** The missed-call answer: a short greeting, then a voicemail with its recording and transcript called back. */
export function greetingAndVoicemail(greeting: string): Response {
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
  return twimlResponse(response);
}

/** For a number no business owns. */
export function unknownNumberAnswer(): Response {
  const response = voiceResponse();
  response.say("Sorry, this number is not in service. Goodbye.");
  response.hangup();
  return twimlResponse(response);
}

export function emptyTwiml(): Response {
  return twimlResponse(voiceResponse());
}
