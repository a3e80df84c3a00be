// X-Twilio-Signature checks. The signed URL is always PUBLIC_BASE_URL + path + query: request.url, Host and
// X-Forwarded-* are chosen by whoever sends the request (and lie behind proxies), so they are never trusted.
//
// The connection-overrides fragment (#ct=…&rc=…) of the URLs we hand Twilio never reaches us: no HTTP request
// carries a fragment. Twilio's security page says it signs "the exact URL your application supplied", while
// integrations that use overrides in production report that the signed string ends before the "#". Both are
// accepted here, and only with our own fragment: a signature still covers the full path, query and parameters.
import { timingSafeEqual } from "node:crypto";
import twilio from "twilio";
import { env } from "@/lib/env";
import { CONNECTION_OVERRIDES } from "@/lib/telephony/connection-overrides";

/** Form or query parameters as Twilio signs them: a key sent more than once keeps all its values. */
export type TwilioParams = Record<string, string | string[]>;

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
  // Twilio signs the URL we handed it, and that is `url`: one HMAC answers the usual request. validateRequest begins
  // with the URL's port removed, which costs a second HMAC whenever PUBLIC_BASE_URL has a port of its own.
  if (isSignatureFor(authToken, signature, url, params)) return true;
  // validateRequest tries each URL as given, with and without the default port (Twilio may sign either).
  const withFragment = `${url}#${CONNECTION_OVERRIDES}`;
  return [url, withFragment].some((candidate) => twilio.validateRequest(authToken, signature, candidate, params));
}

function isSignatureFor(authToken: string, signature: string, url: string, params: TwilioParams): boolean {
  const expected = Buffer.from(twilio.getExpectedTwilioSignature(authToken, url, params));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
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
