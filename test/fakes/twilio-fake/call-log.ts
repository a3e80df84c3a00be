// Calls.json read, as Twilio's REST API serves it (2010-04-01):
//   GET /Accounts/{AccountSid}/Calls.json         list, newest first (by start time; a call not started yet by
//       its creation); filters To, From, ParentCallSid, Status, StartTime / StartTime> / StartTime< and EndTime /
//       EndTime> / EndTime< (a UTC day YYYY-MM-DD or an ISO 8601 instant); paging as paging.ts describes
//   GET /Accounts/{AccountSid}/Calls/{CallSid}.json   one call
// The log holds calls that reached the account's numbers (tests add them, with the leg Twilio dialled for a <Dial>)
// and the calls created through Calls.json. Dates are RFC 2822, durations strings of seconds, as Twilio writes them.
import { readDateFilters, matchesDateFilters, rfc2822 } from "./dates";
import { sendTwilioError } from "./errors";
import { servePage } from "./paging";
import type { Route } from "./server";
import { sendJson } from "./server";
import { accountPath, newSid, type FakeCall, type FakeCallRecord, type FakeState } from "./state";

const ENDED = new Set(["canceled", "completed", "failed", "busy", "no-answer"]);

export type ReceivedCall = {
  from: string;
  to: string;
  /** the caller's call as it ended (completed when Twilio answered it with TwiML), or still going */
  status?: string;
  startTime?: Date;
  durationSec?: number;
  /** the leg Twilio dialled for <Dial> (the professional's phone), as a child call */
  dial?: { to: string; status: string; durationSec?: number };
};

/** What tests control: the account's call log. */
export type FakeCallLog = {
  list: FakeCallRecord[];
  /** a caller's call to one of the account's numbers, recorded as Twilio records it; nothing is delivered */
  receive(call: ReceivedCall): { call: FakeCallRecord; dialLeg: FakeCallRecord | null };
};

function record(
  fields: Omit<FakeCallRecord, "sid" | "dateCreated" | "dateUpdated" | "endTime" | "duration">,
  durationSec: number,
) {
  const isEnded = ENDED.has(fields.status);
  const startTime = fields.startTime ?? new Date();
  const endTime = isEnded ? new Date(startTime.getTime() + durationSec * 1000) : null;
  return {
    sid: newSid("CA"),
    ...fields,
    startTime: fields.status === "queued" || fields.status === "ringing" ? null : startTime,
    endTime,
    duration: isEnded ? durationSec : null,
    dateCreated: startTime,
    dateUpdated: endTime ?? startTime,
  } satisfies FakeCallRecord;
}

/** A call created through Calls.json, as the log lists it. */
function createdCallRecord(call: FakeCall): FakeCallRecord {
  const created = call.dateCreated ?? new Date(0);
  return {
    sid: call.sid,
    parentCallSid: null,
    direction: "outbound-api",
    from: call.from,
    to: call.to,
    status: call.status,
    startTime: null,
    endTime: null,
    duration: null,
    dateCreated: created,
    dateUpdated: created,
  };
}

export function callToJson(state: FakeState, call: FakeCallRecord) {
  const uri = `${accountPath(state)}/Calls/${call.sid}.json`;
  const base = uri.replace(/\.json$/, "");
  return {
    account_sid: state.accountSid,
    annotation: null,
    answered_by: null,
    api_version: "2010-04-01",
    caller_name: null,
    date_created: rfc2822(call.dateCreated),
    date_updated: rfc2822(call.dateUpdated),
    direction: call.direction,
    duration: call.duration === null ? null : String(call.duration),
    end_time: rfc2822(call.endTime),
    forwarded_from: null,
    from: call.from,
    from_formatted: call.from,
    group_sid: null,
    parent_call_sid: call.parentCallSid,
    phone_number_sid: call.direction === "inbound" ? newSid("PN") : null,
    price: null,
    price_unit: "USD",
    queue_time: "0",
    sid: call.sid,
    start_time: rfc2822(call.startTime),
    status: call.status,
    subresource_uris: {
      notifications: `${base}/Notifications.json`,
      recordings: `${base}/Recordings.json`,
      payments: `${base}/Payments.json`,
      events: `${base}/Events.json`,
      siprec: `${base}/Siprec.json`,
      streams: `${base}/Streams.json`,
      user_defined_message_subscriptions: `${base}/UserDefinedMessageSubscriptions.json`,
      user_defined_messages: `${base}/UserDefinedMessages.json`,
    },
    to: call.to,
    to_formatted: call.to,
    trunk_sid: null,
    uri,
  };
}

const CALL_FILTERS = [
  "To",
  "From",
  "ParentCallSid",
  "Status",
  "StartTime",
  "StartTime>",
  "StartTime<",
  "EndTime",
  "EndTime>",
  "EndTime<",
];
const sortTime = (call: FakeCallRecord) => (call.startTime ?? call.dateCreated).getTime();

export function callLogResource(state: FakeState): { routes: Route[]; controls: FakeCallLog } {
  const controls: FakeCallLog = {
    list: state.callLog,
    receive({ from, to, status = "completed", startTime = new Date(), durationSec = 20, dial }) {
      const call = record({ parentCallSid: null, direction: "inbound", from, to, status, startTime }, durationSec);
      state.callLog.push(call);
      if (!dial) return { call, dialLeg: null };
      const dialLeg = record(
        {
          parentCallSid: call.sid,
          direction: "outbound-dial",
          from,
          to: dial.to,
          status: dial.status,
          startTime: new Date(startTime.getTime() + 1000),
        },
        dial.durationSec ?? 0,
      );
      state.callLog.push(dialLeg);
      return { call, dialLeg };
    },
  };
  const listPath = `${accountPath(state)}/Calls.json`;
  const escaped = (path: string) => path.replaceAll(".", "\\.");

  const list: Route = {
    method: "GET",
    pattern: new RegExp(`^${escaped(listPath)}$`),
    handle({ response, url }) {
      const query = url.searchParams;
      const start = readDateFilters(query, "StartTime");
      const end = readDateFilters(query, "EndTime");
      const invalid = start.invalid ?? end.invalid;
      if (invalid) {
        return sendTwilioError(response, { status: 400, code: 20001, message: `Invalid value for ${invalid}` });
      }
      const exact = (name: string, value: string) => query.get(name) === null || query.get(name) === value;
      const all = [...state.callLog, ...state.calls.map(createdCallRecord)];
      const matching = all
        .map((call, index) => ({ call, index }))
        .filter(
          ({ call }) =>
            exact("To", call.to) &&
            exact("From", call.from) &&
            exact("ParentCallSid", call.parentCallSid ?? "") &&
            exact("Status", call.status) &&
            matchesDateFilters(call.startTime, start.filters) &&
            matchesDateFilters(call.endTime, end.filters),
        )
        // newest first; calls that share a second keep the newer one (created later) first
        .sort((a, b) => sortTime(b.call) - sortTime(a.call) || b.index - a.index)
        .map(({ call }) => call);
      return sendJson(
        response,
        200,
        servePage({
          query,
          listPath,
          key: "calls",
          items: matching,
          filterKeys: CALL_FILTERS,
          toJson: (call) => callToJson(state, call),
        }),
      );
    },
  };

  const fetchOne: Route = {
    method: "GET",
    pattern: new RegExp(`^${escaped(accountPath(state))}/Calls/(CA[0-9a-fA-F]{32})\\.json$`),
    handle({ response, params }) {
      const call =
        state.callLog.find((candidate) => candidate.sid === params[0]) ??
        state.calls.map(createdCallRecord).find((candidate) => candidate.sid === params[0]);
      if (!call) {
        return sendTwilioError(response, { status: 404, code: 20404, message: "The requested resource was not found" });
      }
      return sendJson(response, 200, callToJson(state, call));
    },
  };

  return { routes: [list, fetchOne], controls };
}
