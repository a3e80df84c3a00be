// A local stand-in for Twilio's REST API (integration tests, e2e and the benchmark). One module per resource
// (messages, calls, lookups, recordings), plus the shared server, auth, errors and paging; this file composes them and
// hands tests their controls.
import { basicAuthGuard } from "./auth";
import { callLogResource, type FakeCallLog, type ReceivedCall } from "./call-log";
import { callRoutes } from "./calls";
import { sendNotFound } from "./errors";
import { incomingPhoneNumbersResource, type FakeIncomingNumbers } from "./incoming-phone-numbers";
import { lookupRoutes } from "./lookups";
import { messageRoutes } from "./messages";
import { messageListResource, type FakeInboundMessages } from "./messages-list";
import { recordingsResource, type FakeRecordings } from "./recordings";
import { startFakeServer } from "./server";
import type { FakeCall, FakeCallRecord, FakeFailure, FakeMessage, FakeState } from "./state";
import { sendMessageStatusCallback, type CallbackDispatcher } from "./status-callbacks";

export type { CallbackDispatcher, FakeCall, FakeCallRecord, FakeFailure, FakeMessage, ReceivedCall };

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
  /** the account's IncomingPhoneNumbers: add numbers, see the updates the app sent */
  incomingNumbers: FakeIncomingNumbers;
  /** Messages.json create requests received, failed ones included */
  readonly createRequests: number;
  /** the next `times` create calls answer with this failure */
  failNextCreates(times: number, failure: FakeFailure): void;
  setLineType(phone: string, lineType: string): void;
  /** delay every create answer by `ms` (to simulate a slow Twilio) */
  setCreateDelay(ms: number): void;
  /** accept (record) messages at once but hold the HTTP answer this long: a sender that dies meanwhile never hears */
  holdResponses(ms: number): void;
  sendStatusCallback(sid: string, status: string, extra?: Record<string, string>): Promise<Response>;
  onMessage(listener: (message: FakeMessage) => void): void;
  close(): Promise<void>;
};

export async function startTwilioFake({
  accountSid,
  authToken,
  dispatchCallback = (request) => fetch(request),
}: {
  accountSid: string;
  authToken: string;
  dispatchCallback?: CallbackDispatcher;
}): Promise<TwilioFake> {
  const state: FakeState = {
    accountSid,
    authToken,
    messages: [],
    inboundMessages: [],
    calls: [],
    callLog: [],
    failures: [],
    lineTypes: new Map(),
    messageListeners: [],
    createDelayMs: 0,
    holdResponsesMs: 0,
    createRequests: 0,
  };
  const recordings = recordingsResource(state);
  const incomingNumbers = incomingPhoneNumbersResource(state);
  const callLog = callLogResource(state);
  const messageList = messageListResource(state);
  const routes = [
    ...messageRoutes(state),
    ...messageList.routes,
    ...callRoutes(state),
    ...callLog.routes,
    ...lookupRoutes(state),
    ...recordings.routes,
    ...incomingNumbers.routes,
  ];
  const server = await startFakeServer({
    guard: basicAuthGuard(state),
    routes,
    notFound: sendNotFound,
  });

  return {
    url: server.url,
    messages: state.messages,
    calls: state.calls,
    callLog: callLog.controls,
    inboundMessages: messageList.controls,
    recordings: recordings.controls,
    incomingNumbers: incomingNumbers.controls,
    get createRequests() {
      return state.createRequests;
    },
    failNextCreates(times, failure) {
      for (let index = 0; index < times; index += 1) state.failures.push(failure);
    },
    setLineType(phone, lineType) {
      state.lineTypes.set(phone, lineType);
    },
    setCreateDelay(ms) {
      state.createDelayMs = ms;
    },
    holdResponses(ms) {
      state.holdResponsesMs = ms;
    },
    sendStatusCallback: (messageSid, status, extra) =>
      sendMessageStatusCallback(state, dispatchCallback, { messageSid, status, extra }),
    onMessage(listener) {
      state.messageListeners.push(listener);
    },
    close: () => server.close(),
  };
}
