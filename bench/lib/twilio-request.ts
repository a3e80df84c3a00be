// Sends form posts to the app exactly as Twilio does: urlencoded parameters and X-Twilio-Signature computed
// over PUBLIC_BASE_URL + path + query with the account's auth token (the twilio package's own helper).
import twilio from "twilio";

export type TwilioPoster = (pathOrUrl: string, params: Record<string, string>) => Promise<TwilioPostResult>;
export type TwilioPostResult = { status: number; body: string; ms: number };

export function createTwilioPoster({ baseUrl, authToken }: { baseUrl: string; authToken: string }): TwilioPoster {
  return async (pathOrUrl, params) => {
    const url = pathOrUrl.startsWith("http") ? pathOrUrl : `${baseUrl}${pathOrUrl}`;
    const signature = twilio.getExpectedTwilioSignature(authToken, url, params);
    const started = performance.now();
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature },
      body: new URLSearchParams(params).toString(),
    });
    const body = await response.text();
    return { status: response.status, body, ms: performance.now() - started };
  };
}

/** The `action` URL of the first <Dial> in a TwiML answer, if any (XML entities decoded). */
export function dialActionUrl(twiml: string): string | undefined {
  const match = /<Dial\b[^>]*\baction="([^"]+)"/.exec(twiml);
  return match?.[1]?.replaceAll("&amp;", "&").replaceAll("&quot;", '"').replaceAll("&lt;", "<").replaceAll("&gt;", ">");
}

let sidCounter = 0;
/** A Twilio-shaped sid (two letters + 32 hex digits), unique within this run. */
export function fakeSid(prefix: "CA" | "SM" | "AC"): string {
  sidCounter += 1;
  const random = crypto.randomUUID().replaceAll("-", "");
  return `${prefix}${(sidCounter.toString(16).padStart(8, "0") + random).slice(0, 32)}`;
}

/** A distinct, valid North American mobile-looking number per index (555-01xx range is avoided: it is fictional). */
export function callerNumber(runId: number, index: number): string {
  const line = (runId * 7919 + index) % 10_000;
  const exchange = 200 + ((runId + Math.floor(index / 10_000)) % 700);
  return `+1415${exchange}${line.toString().padStart(4, "0")}`;
}
