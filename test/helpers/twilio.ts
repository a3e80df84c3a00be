// Signed Twilio webhook requests for tests, built with the twilio package's own signing helper and the same
// token the app checks with (the simulator token when no TWILIO_* variables are set).
import twilio from "twilio";
import { env } from "@/lib/env";
import { getWebhookAuthToken } from "@/lib/telephony/webhook-auth-token";

export async function twilioSignature(url: string, params: Record<string, string | string[]>): Promise<string> {
  const token = await getWebhookAuthToken();
  if (!token) throw new Error("no Twilio webhook token in this configuration");
  return twilio.getExpectedTwilioSignature(token, url, params);
}

/**
 * A POST to `pathWithQuery` as Twilio sends it: form body, X-Twilio-Signature for PUBLIC_BASE_URL + path.
 * `signedUrl` signs a different URL (e.g. with :443), `signature` overrides it, `headers` adds more.
 */
export async function signedTwilioRequest(
  pathWithQuery: string,
  params: Record<string, string>,
  options: {
    signedUrl?: string;
    signature?: string | null;
    signedParams?: Record<string, string>;
    headers?: Record<string, string>;
  } = {},
): Promise<Request> {
  const url = `${env().publicBaseUrl}${pathWithQuery}`;
  const signature =
    options.signature === undefined
      ? await twilioSignature(options.signedUrl ?? url, options.signedParams ?? params)
      : options.signature;
  return new Request(url, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      ...(signature === null ? {} : { "x-twilio-signature": signature }),
      ...options.headers,
    },
    body: new URLSearchParams(params).toString(),
  });
}

export function callSid(): string {
  return `CA${crypto.randomUUID().replaceAll("-", "")}`;
}
