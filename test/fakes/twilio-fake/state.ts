// What the fake remembers between requests, shared by the resource modules and the test-facing handle.
import { randomBytes } from "node:crypto";
import type { FakeMediaItem } from "./media";

export type FakeMessage = {
  sid: string;
  accountSid: string;
  to: string;
  from: string;
  body: string;
  status: string;
  statusCallback?: string;
  dateCreated: Date;
  /** "outbound-api" unless said otherwise; a customer's text is "inbound" */
  direction?: "inbound" | "outbound-api";
  /** when Twilio sent (or received) it; null while queued or sending. Unset: the creation time */
  dateSent?: Date | null;
  errorCode?: number | null;
  errorMessage?: string | null;
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
  dateCreated?: Date;
};

/** A call in the account's call log: a caller's call to one of its numbers, or a leg Twilio dialled for it. */
export type FakeCallRecord = {
  sid: string;
  parentCallSid: string | null;
  direction: "inbound" | "outbound-dial" | "outbound-api";
  from: string;
  to: string;
  /** queued | ringing | in-progress | canceled | completed | failed | busy | no-answer */
  status: string;
  startTime: Date | null;
  endTime: Date | null;
  /** seconds, once the call ended */
  duration: number | null;
  dateCreated: Date;
  dateUpdated: Date;
};

export type FakeFailure = {
  status: number;
  code?: number;
  message?: string;
  retryAfter?: string;
  /** only a create to this number meets it (others pass by): a test's failure is not spent by another's message */
  to?: string;
};

/**
 * What happens to a message after Twilio accepted it: delivered (the default), undelivered or failed with a carrier
 * error code, or it stays queued at Twilio (never sent: date_sent stays null, no callback after `queued`).
 */
export type DeliveryOutcome = (
  | { status: "delivered" }
  | { status: "undelivered" | "failed"; errorCode: number; errorMessage?: string }
  | { status: "queued" }
) & {
  /**
   * The status callbacks reach the app before the create's answer does (the answer is slow on its way back, the
   * callbacks are not): Twilio gives no order between the two.
   */
  callbacksBeforeAnswer?: boolean;
};

/** A status callback the fake sent by itself, and how the app answered (null: it could not be reached). */
export type SentStatusCallback = { messageSid: string; status: string; url: string; responseStatus: number | null };

export type FakeState = {
  accountSid: string;
  authToken: string;
  messages: FakeMessage[];
  /** texts customers sent to the account's numbers (listed by Messages.json, never created through it) */
  inboundMessages: FakeMessage[];
  calls: FakeCall[];
  /** the Media of messages (a received MMS's pictures): counted in a message's num_media, listed by Media.json */
  media: FakeMediaItem[];
  /** the call log Calls.json lists, besides the calls created through it */
  callLog: FakeCallRecord[];
  /** scripted failures for the next Messages.json creates, consumed one per create */
  failures: FakeFailure[];
  lineTypes: Map<string, string>;
  /** numbers Twilio knows to be invalid although they look right (a number taken out of service, say) */
  invalidNumbers: Set<string>;
  messageListeners: ((message: FakeMessage) => void)[];
  createDelayMs: number;
  holdResponsesMs: number;
  /** Messages.json create requests received, failed ones included */
  createRequests: number;
  /** the same, per recipient (`To`) */
  createRequestsTo: Map<string, number>;
  /** `${twilioNumber}|${recipient}` pairs where the recipient texted an opt-out keyword (and no opt-in since) */
  optOuts: Set<string>;
  /** what happens to messages to a recipient after they were accepted (delivered when not listed) */
  deliveryOutcomes: Map<string, DeliveryOutcome>;
  /** the fake's own status callbacks, in the order they were answered */
  sentStatusCallbacks: SentStatusCallback[];
  /** the time between two status changes of one message (Twilio takes seconds; the fake is quicker) */
  statusStepMs: number;
  /** signs the fake's own callbacks with another token (a test of the app's signature check) */
  callbackSigningToken?: string;
  isClosed: boolean;
};

export const newSid = (prefix: string) => `${prefix}${randomBytes(16).toString("hex")}`;

export const accountPath = (state: Pick<FakeState, "accountSid">) => `/2010-04-01/Accounts/${state.accountSid}`;

/** The key of the opt-out Twilio keeps per sender and recipient. */
export const optOutKey = (twilioNumber: string, recipient: string) => `${twilioNumber}|${recipient}`;
