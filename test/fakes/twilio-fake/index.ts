// A local stand-in for Twilio's REST API (integration tests, e2e and the benchmark). One module per resource
// (messages, calls, lookups, recordings, message media), plus the shared server, auth, errors and paging; this file composes them and
// hands tests their controls.
//
// Strict where Twilio is: a create is refused with Twilio's code (21211, 21602, 21603, 21610 after the recipient
// texted STOP to that number, 21614 for a landline, 21617); an accepted message moves on by itself (queued → sent →
// delivered, or the recipient's scripted outcome) and its StatusCallback hears each step, signed.
import type { Delivery } from "../twilio-webhook-delivery";
import { deliverWebhook } from "../twilio-webhook-delivery";
import { basicAuthGuard } from "./auth";
import { callLogResource, type FakeCallLog, type ReceivedCall } from "./call-log";
import { callRoutes } from "./calls";
import { sendNotFound } from "./errors";
import { incomingPhoneNumbersResource, type FakeIncomingNumbers } from "./incoming-phone-numbers";
import { lookupRoutes } from "./lookups";
import { mediaResource, type FakeMedia, type FakeMediaItem } from "./media";
import { noteInboundText } from "./message-rules";
import { messageRoutes } from "./messages";
import { messageListResource, type FakeInboundMessages } from "./messages-list";
import { recordingsResource, type FakeRecordings } from "./recordings";
import { startFakeServer } from "./server";
import type {
  DeliveryOutcome,
  FakeCall,
  FakeCallRecord,
  FakeFailure,
  FakeMessage,
  FakeState,
  SentStatusCallback,
} from "./state";
import { sendMessageStatusCallback, type CallbackDispatcher } from "./status-callbacks";

export type {
  CallbackDispatcher,
  DeliveryOutcome,
  FakeCall,
  FakeCallRecord,
  FakeFailure,
  FakeMedia,
  FakeMediaItem,
  FakeMessage,
  ReceivedCall,
  SentStatusCallback,
};

/** Every running fake: an inbound text a test hands the app reaches "Twilio" first, as it would in production. */
const runningFakes = new Set<FakeState>();

/** Tells every running fake that a customer texted a Twilio number (its opt-out keywords take effect). */
export function noteInboundTextAtTwilio(text: { from: string; to: string; body: string }): void {
  for (const state of runningFakes) noteInboundText(state, text);
}

export type TwilioFake = {
  url: string;
  messages: FakeMessage[];
  /** outgoing calls created through Calls.json */
  calls: FakeCall[];
  /** the account's call log (Calls.json list): add the calls that reached its numbers */
  callLog: FakeCallLog;
  /** texts customers sent to the account's numbers (Messages.json list) */
  inboundMessages: FakeInboundMessages;
  /** the Recordings resource: add recordings, see the media requests */
  recordings: FakeRecordings;
  /** the Media of messages (MMS pictures): add items, see the requests */
  media: FakeMedia;
  /** every request the fake received, as "METHOD /path?query", refused ones included */
  requests: string[];
  /** the account's IncomingPhoneNumbers: add numbers, see the updates the app sent */
  incomingNumbers: FakeIncomingNumbers;
  /** Messages.json create requests received, failed ones included */
  readonly createRequests: number;
  /** Messages.json create requests to one number, failed ones included */
  createRequestsTo(phone: string): number;
  /** the next `times` create calls answer with this failure */
  failNextCreates(times: number, failure: FakeFailure): void;
  setLineType(phone: string, lineType: string): void;
  /** Twilio knows `phone` as invalid: Lookup says `valid: false`, a message to it gets 21211 */
  setInvalidNumber(phone: string): void;
  /** delay every create answer by `ms` (to simulate a slow Twilio) */
  setCreateDelay(ms: number): void;
  /** accept (record) messages at once but hold the HTTP answer this long: a sender that dies meanwhile never hears */
  holdResponses(ms: number): void;
  sendStatusCallback(sid: string, status: string, extra?: Record<string, string>): Promise<Response>;
  /** what happens to messages to `to` once accepted (delivered by default); `{ status: "queued" }` holds them */
  setDeliveryOutcome(to: string, outcome: DeliveryOutcome): void;
  /** the status callbacks the fake sent by itself, with the app's answers */
  sentStatusCallbacks: SentStatusCallback[];
  /** sign the fake's own callbacks with this token instead of the account's (a forged callback) */
  signCallbacksWith(token: string | undefined): void;
  /**
   * A customer texts a Twilio number: Twilio acts on STOP/START itself, then posts the text (signed) to `url`.
   * The post goes through `dispatch` (default: the fake's callback dispatcher). `media` makes it an MMS: each item
   * is stored as the message's Media and named in NumMedia, MediaUrlN and MediaContentTypeN, as Twilio posts them.
   */
  receiveText(text: {
    from: string;
    to: string;
    body: string;
    url: string;
    media?: { contentType: string; body: Buffer }[];
    dispatch?: CallbackDispatcher;
  }): Promise<Delivery>;
  onMessage(listener: (message: FakeMessage) => void): void;
  close(): Promise<void>;
};

export async function startTwilioFake({
  accountSid,
  authToken,
  dispatchCallback = (request) => fetch(request),
  statusStepMs = 100,
}: {
  accountSid: string;
  authToken: string;
  dispatchCallback?: CallbackDispatcher;
  /** the time between two status changes of a message (and its callbacks) */
  statusStepMs?: number;
}): Promise<TwilioFake> {
  const state: FakeState = {
    accountSid,
    authToken,
    messages: [],
    inboundMessages: [],
    media: [],
    calls: [],
    callLog: [],
    failures: [],
    lineTypes: new Map(),
    invalidNumbers: new Set(),
    messageListeners: [],
    createDelayMs: 0,
    holdResponsesMs: 0,
    createRequests: 0,
    createRequestsTo: new Map(),
    optOuts: new Set(),
    deliveryOutcomes: new Map(),
    sentStatusCallbacks: [],
    statusStepMs,
    isClosed: false,
  };
  runningFakes.add(state);
  const recordings = recordingsResource(state);
  let serverUrl = "";
  const media = mediaResource(state, () => serverUrl);
  const requests: string[] = [];
  const guard = basicAuthGuard(state);
  const incomingNumbers = incomingPhoneNumbersResource(state);
  const callLog = callLogResource(state);
  const messageList = messageListResource(state, media.controls);
  const routes = [
    ...messageRoutes(state, dispatchCallback),
    ...messageList.routes,
    ...callRoutes(state),
    ...callLog.routes,
    ...lookupRoutes(state),
    ...recordings.routes,
    ...media.routes,
    ...incomingNumbers.routes,
  ];
  const server = await startFakeServer({
    guard: (request, response) => {
      requests.push(`${request.method} ${request.url}`);
      return guard(request, response);
    },
    routes,
    notFound: sendNotFound,
  });

  serverUrl = server.url;
  return {
    url: server.url,
    messages: state.messages,
    calls: state.calls,
    callLog: callLog.controls,
    inboundMessages: {
      ...messageList.controls,
      // a text Twilio received: its STOP/START take effect at Twilio whether or not the app ever hears of it
      receive(message) {
        noteInboundText(state, message);
        return messageList.controls.receive(message);
      },
    },
    recordings: recordings.controls,
    media: media.controls,
    requests,
    incomingNumbers: incomingNumbers.controls,
    get createRequests() {
      return state.createRequests;
    },
    createRequestsTo(phone) {
      return state.createRequestsTo.get(phone) ?? 0;
    },
    failNextCreates(times, failure) {
      for (let index = 0; index < times; index += 1) state.failures.push(failure);
    },
    setLineType(phone, lineType) {
      state.lineTypes.set(phone, lineType);
    },
    setInvalidNumber(phone) {
      state.invalidNumbers.add(phone);
    },
    setCreateDelay(ms) {
      state.createDelayMs = ms;
    },
    holdResponses(ms) {
      state.holdResponsesMs = ms;
    },
    sendStatusCallback: (messageSid, status, extra) =>
      sendMessageStatusCallback(state, dispatchCallback, { messageSid, status, extra }),
    setDeliveryOutcome(to, outcome) {
      state.deliveryOutcomes.set(to, outcome);
    },
    sentStatusCallbacks: state.sentStatusCallbacks,
    signCallbacksWith(token) {
      state.callbackSigningToken = token;
    },
    async receiveText({ from, to, body, url, media: items = [], dispatch = dispatchCallback }) {
      noteInboundText(state, { from, to, body });
      const { sid, media: stored } = messageList.controls.receive({ from, to, body, media: items });
      const params: Record<string, string> = {
        MessageSid: sid,
        SmsSid: sid,
        SmsMessageSid: sid,
        AccountSid: accountSid,
        From: from,
        To: to,
        Body: body,
        NumMedia: String(stored.length),
        NumSegments: "1",
        SmsStatus: "received",
        ApiVersion: "2010-04-01",
      };
      stored.forEach((item, index) => {
        params[`MediaUrl${index}`] = item.url;
        params[`MediaContentType${index}`] = item.contentType;
      });
      return deliverWebhook({ url, params, authToken, dispatch });
    },
    onMessage(listener) {
      state.messageListeners.push(listener);
    },
    close: () => {
      state.isClosed = true;
      runningFakes.delete(state);
      return server.close();
    },
  };
}
