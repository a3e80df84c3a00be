// Message status callbacks signed like Twilio's (X-Twilio-Signature over the StatusCallback URL and the form).
import twilio from "twilio";
import type { FakeState } from "./state";

/** Delivers a signed callback; by default over HTTP, tests may hand it to a route handler instead. */
export type CallbackDispatcher = (request: Request) => Promise<Response>;

export async function sendMessageStatusCallback(
  state: FakeState,
  dispatch: CallbackDispatcher,
  { messageSid, status, extra = {} }: { messageSid: string; status: string; extra?: Record<string, string> },
): Promise<Response> {
  const message = state.messages.find((candidate) => candidate.sid === messageSid);
  if (!message?.statusCallback) throw new Error(`no status callback for ${messageSid}`);
  message.status = status;
  const params = {
    AccountSid: state.accountSid,
    MessageSid: messageSid,
    SmsSid: messageSid,
    MessageStatus: status,
    SmsStatus: status,
    To: message.to,
    From: message.from,
    ApiVersion: "2010-04-01",
    ...extra,
  };
  const signature = twilio.getExpectedTwilioSignature(state.authToken, message.statusCallback, params);
  return dispatch(
    new Request(message.statusCallback, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature },
      body: new URLSearchParams(params).toString(),
    }),
  );
}
