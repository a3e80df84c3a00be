// A Twilio webhook as plain data: what it receives (path, form text, signature) and what it answers (status, text,
// headers). The server's direct path and the simulator hand these to the webhooks as they are; only Next.js gets them
// wrapped in a WHATWG Request and Response (lib/telephony/twilio-webhook.ts), whose construction and reading back
// cost about a tenth of the server's CPU on Twilio's traffic.

export type TwilioWebhookInput = {
  /** "/api/twilio/whisper?parentCallSid=CA…", as `new URL` leaves it: the signature covers PUBLIC_BASE_URL + this. */
  pathWithQuery: string;
  /** The raw form text (application/x-www-form-urlencoded), unread when `isBodyTooLarge`. */
  body: string;
  /** The body went past Twilio's cap (MAX_TWILIO_FORM_BYTES): refused with 413, never signature-checked. */
  isBodyTooLarge?: boolean;
  /** X-Twilio-Signature, or null when the request has none. */
  signature: string | null;
};

/** Read-only: the TwiML caches (lib/telephony/twiml.ts) hand one frozen answer to every caller. */
export type TwilioWebhookAnswer = Readonly<{
  status: number;
  /** null only for a 204 */
  body: string | null;
  /** lower-case names */
  headers: Readonly<Record<string, string>>;
}>;

/** The content type WHATWG's Response gives a text body: the refusals keep the header they always had. */
const TEXT_HEADERS = Object.freeze({ "content-type": "text/plain;charset=UTF-8" });

export function textAnswer(status: number, text: string): TwilioWebhookAnswer {
  return { status, body: text, headers: TEXT_HEADERS };
}

const NO_CONTENT: TwilioWebhookAnswer = Object.freeze({ status: 204, body: null, headers: Object.freeze({}) });

/** The answer of the status callbacks: nothing to say back to Twilio. */
export function noContentAnswer(): TwilioWebhookAnswer {
  return NO_CONTENT;
}
