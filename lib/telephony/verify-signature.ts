// X-Twilio-Signature checks. The signed URL is always PUBLIC_BASE_URL + path + query: request.url, Host and
// X-Forwarded-* are chosen by whoever sends the request (and lie behind proxies), so they are never trusted.
import twilio from "twilio";
import { env } from "@/lib/env";

export type TwilioParams = Record<string, string>;

/** The URL Twilio signed for a request to `pathWithQuery` ("/api/twilio/voice?x=1"). */
export function signedUrlFor(pathWithQuery: string): string {
  return `${env().publicBaseUrl}${pathWithQuery.startsWith("/") ? "" : "/"}${pathWithQuery}`;
}

/** True when `signature` is Twilio's HMAC for the URL (with or without :443/:80) and the form parameters. */
export function isValidTwilioSignature({
  authToken,
  signature,
  url,
  params,
}: {
  authToken: string;
  signature: string | null;
  url: string;
  params: TwilioParams;
}): boolean {
  if (!signature) return false;
  // validateRequest tries the URL as given, with and without the default port (Twilio may sign either).
  return twilio.validateRequest(authToken, signature, url, params);
}

/** The signature Twilio would send: used by the simulator and the tests. */
export function signTwilioRequest({
  authToken,
  url,
  params,
}: {
  authToken: string;
  url: string;
  params: TwilioParams;
}) {
  return twilio.getExpectedTwilioSignature(authToken, url, params);
}
