// What Twilio checks before it accepts a message (Messages.json create), with its codes and messages:
//   21604 no To, 21603 no From, 21602 no Body and no MediaUrl, 21617 Body over 1,600 characters,
//   21211 a To that is not a valid phone number (by the numbering plan, or one the fake's Lookup data calls invalid), 21610 a recipient who texted STOP to this sender (until START),
//   21614 a To that is not a mobile number (a landline in the fake's Lookup data).
// Every refusal is HTTP 400 with Twilio's error body. And the keywords Twilio's own opt-out handling acts on.
import { isValidPhoneNumber } from "libphonenumber-js";
import type { TwilioError } from "./errors";
import { optOutKey, type FakeState } from "./state";

/** Twilio's default opt-out and opt-in keywords on long codes: the whole message, any case, trimmed. */
export const OPT_OUT_KEYWORDS = ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT"];
export const OPT_IN_KEYWORDS = ["START", "YES", "UNSTOP"];

export const MAX_BODY_CHARACTERS = 1600;

/** null when Twilio would accept the message, else its refusal. */
export function refuseMessage(state: FakeState, form: URLSearchParams): TwilioError | null {
  const to = form.get("To") ?? "";
  const from = form.get("From") ?? "";
  const body = form.get("Body") ?? "";
  const hasMedia = form.getAll("MediaUrl").some((url) => url !== "");
  const refuse = (code: number, message: string): TwilioError => ({ status: 400, code, message });
  if (!to) return refuse(21604, "A 'To' phone number is required.");
  if (!from) return refuse(21603, "A 'From' phone number is required.");
  if (!body && !hasMedia) return refuse(21602, "Message body is required.");
  if (body.length > MAX_BODY_CHARACTERS) {
    return refuse(21617, "The concatenated message body exceeds the 1600 character limit.");
  }
  if (!isValidPhoneNumber(to) || state.invalidNumbers.has(to))
    return refuse(21211, `The 'To' number ${to} is not a valid phone number.`);
  if (state.optOuts.has(optOutKey(from, to))) return refuse(21610, "Attempt to send to unsubscribed recipient");
  if (state.lineTypes.get(to) === "landline") return refuse(21614, `'To' number ${to} is not a valid mobile number`);
  return null;
}

/** An inbound text reached Twilio: an opt-out keyword blocks that sender for the customer, an opt-in lifts it. */
export function noteInboundText(state: FakeState, { from, to, body }: { from: string; to: string; body: string }) {
  const keyword = body.trim().toUpperCase();
  if (OPT_OUT_KEYWORDS.includes(keyword)) state.optOuts.add(optOutKey(to, from));
  if (OPT_IN_KEYWORDS.includes(keyword)) state.optOuts.delete(optOutKey(to, from));
}
