// Message status callbacks as Twilio sends them: form-encoded POSTs to the message's StatusCallback, signed with
// X-Twilio-Signature, connection overrides (#ct=…&rc=…) honoured. After a create the fake moves the message on by
// itself, one step at a time and after its answer went out: (queued →) sent (date_sent set) → delivered, or
// → undelivered / failed with an ErrorCode, as the recipient's scripted outcome says. As Twilio documents it, a
// message created without a Messaging Service starts `queued` and no callback is sent for that initial status.
import twilio from "twilio";
import { deliverWebhook } from "../twilio-webhook-delivery";
import type { DeliveryOutcome, FakeMessage, FakeState } from "./state";

/** Delivers a signed callback; by default over HTTP, tests may hand it to a route handler instead. */
export type CallbackDispatcher = (request: Request) => Promise<Response>;

function callbackParams(state: FakeState, message: FakeMessage, status: string, extra: Record<string, string> = {}) {
  return {
    AccountSid: state.accountSid,
    MessageSid: message.sid,
    SmsSid: message.sid,
    MessageStatus: status,
    SmsStatus: status,
    To: message.to,
    From: message.from,
    ApiVersion: "2010-04-01",
    ...(message.errorCode ? { ErrorCode: String(message.errorCode) } : {}),
    ...extra,
  };
}

/** Moves the message to `status` as Twilio does (date_sent set once it is sent). */
function setStatus(message: FakeMessage, status: string, outcome?: DeliveryOutcome) {
  message.status = status;
  if (status === "sent") message.dateSent = new Date();
  if ((status === "failed" || status === "undelivered") && outcome && "errorCode" in outcome) {
    message.errorCode = outcome.errorCode;
    message.errorMessage = outcome.errorMessage ?? null;
  }
}

/** A callback a test asks for (any status, any extra parameters), signed and dispatched; answers the app's reply. */
export async function sendMessageStatusCallback(
  state: FakeState,
  dispatch: CallbackDispatcher,
  { messageSid, status, extra = {} }: { messageSid: string; status: string; extra?: Record<string, string> },
): Promise<Response> {
  const message = state.messages.find((candidate) => candidate.sid === messageSid);
  if (!message?.statusCallback) throw new Error(`no status callback for ${messageSid}`);
  setStatus(message, status);
  const params = callbackParams(state, message, status, extra);
  const signature = twilio.getExpectedTwilioSignature(state.authToken, message.statusCallback, params);
  return dispatch(
    new Request(message.statusCallback, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature },
      body: new URLSearchParams(params).toString(),
    }),
  );
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The statuses a message moves to after it was created `queued`, for its recipient's outcome. */
function timeline(outcome: DeliveryOutcome): string[] {
  if (outcome.status === "queued") return [];
  if (outcome.status === "failed") return ["failed"]; // never left Twilio: no `sent`, no date_sent
  return ["sent", outcome.status];
}

/**
 * Runs a newly accepted message's life in the background: each step after `statusStepMs`, each status reported to
 * its StatusCallback (when it has one) as Twilio reports it. Stops when the fake closes. Never throws.
 */
export async function runMessageLifecycle(state: FakeState, dispatch: CallbackDispatcher, message: FakeMessage) {
  const outcome = state.deliveryOutcomes.get(message.to) ?? { status: "delivered" };
  const guarded: CallbackDispatcher = (request) =>
    state.isClosed ? Promise.reject(new Error("the fake is closed")) : dispatch(request);
  try {
    for (const status of timeline(outcome)) {
      await wait(state.statusStepMs);
      if (state.isClosed) return;
      setStatus(message, status, outcome);
      if (!message.statusCallback) continue;
      const delivery = await deliverWebhook({
        url: message.statusCallback,
        params: callbackParams(state, message, status),
        authToken: state.callbackSigningToken ?? state.authToken,
        dispatch: guarded,
      });
      state.sentStatusCallbacks.push({
        messageSid: message.sid,
        status,
        url: message.statusCallback,
        responseStatus: delivery.attempts.at(-1)?.status ?? null,
      });
    }
  } catch {
    // Twilio's side: a callback that failed is logged in its console, nothing more.
  }
}
