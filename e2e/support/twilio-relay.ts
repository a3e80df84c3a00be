// Posts Twilio webhooks to any instance behind a (pretend) load balancer: the signature is computed over
// PUBLIC_BASE_URL + path, exactly as Twilio signs the public URL, while the request goes to one instance.
import twilio from "twilio";

export type RelayResult = { status: number; body: string };

export function createTwilioRelay({ publicBaseUrl, authToken }: { publicBaseUrl: string; authToken: string }) {
  return async (instanceBaseUrl: string, pathOrUrl: string, params: Record<string, string>): Promise<RelayResult> => {
    const path = pathOrUrl.startsWith("http") ? pathOrUrl.slice(new URL(pathOrUrl).origin.length) : pathOrUrl;
    const signature = twilio.getExpectedTwilioSignature(authToken, `${publicBaseUrl}${path}`, params);
    const response = await fetch(`${instanceBaseUrl}${path}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature },
      body: new URLSearchParams(params).toString(),
    });
    return { status: response.status, body: await response.text() };
  };
}
