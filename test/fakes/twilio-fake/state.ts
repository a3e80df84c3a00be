// What the fake remembers between requests, shared by the resource modules and the test-facing handle.
import { randomBytes } from "node:crypto";

export type FakeMessage = {
  sid: string;
  accountSid: string;
  to: string;
  from: string;
  body: string;
  status: string;
  statusCallback?: string;
  dateCreated: Date;
};

export type FakeCall = {
  sid: string;
  to: string;
  from: string;
  twiml?: string;
  url?: string;
  status: string;
  /** where Twilio would report the call's progress, and for which events (StatusCallbackEvent, repeated) */
  statusCallback?: string;
  statusCallbackEvents?: string[];
};

export type FakeFailure = { status: number; code?: number; message?: string; retryAfter?: string };

export type FakeState = {
  accountSid: string;
  authToken: string;
  messages: FakeMessage[];
  calls: FakeCall[];
  /** scripted failures for the next Messages.json creates, consumed one per create */
  failures: FakeFailure[];
  lineTypes: Map<string, string>;
  messageListeners: ((message: FakeMessage) => void)[];
  createDelayMs: number;
  holdResponsesMs: number;
  /** Messages.json create requests received, failed ones included */
  createRequests: number;
};

export const newSid = (prefix: string) => `${prefix}${randomBytes(16).toString("hex")}`;

export const accountPath = (state: Pick<FakeState, "accountSid">) => `/2010-04-01/Accounts/${state.accountSid}`;
