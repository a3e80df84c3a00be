// IncomingPhoneNumbers, as Twilio's REST API serves them (2010-04-01):
//   GET  /Accounts/{AccountSid}/IncomingPhoneNumbers.json   list; filters PhoneNumber (digits, '*' wildcards,
//        partial match), FriendlyName (exact), Origin (twilio|hosted), Beta; paging PageSize (default 50, max
//        1000), Page, PageToken, with next_page_uri / previous_page_uri as Twilio builds them
//   POST /Accounts/{AccountSid}/IncomingPhoneNumbers.json   provision a number (PhoneNumber or AreaCode)
//   POST /Accounts/{AccountSid}/IncomingPhoneNumbers/{Sid}.json   update: only the fields given change
// URL fields must be absolute http(s) URLs (21502 otherwise), methods GET or POST (21503 otherwise).
import { sendTwilioError } from "./errors";
import type { Route } from "./server";
import { sendJson } from "./server";
import { accountPath, newSid, type FakeState } from "./state";

export type FakeIncomingNumber = {
  sid: string;
  phoneNumber: string;
  friendlyName: string;
  origin: "twilio" | "hosted";
  beta: boolean;
  voiceUrl: string;
  voiceMethod: string;
  voiceFallbackUrl: string;
  voiceFallbackMethod: string;
  smsUrl: string;
  smsMethod: string;
  smsFallbackUrl: string;
  smsFallbackMethod: string;
  statusCallback: string;
  statusCallbackMethod: string;
  dateCreated: Date;
  dateUpdated: Date;
};

/** What tests control: the account's numbers, and every update request the app sent. */
export type FakeIncomingNumbers = {
  list: FakeIncomingNumber[];
  updates: { sid: string; form: Record<string, string> }[];
  add(number: { phoneNumber: string; friendlyName?: string } & Partial<FakeIncomingNumber>): FakeIncomingNumber;
};

/** Twilio's update parameters that this fake stores, by the field they set. */
const UPDATABLE = {
  FriendlyName: "friendlyName",
  VoiceUrl: "voiceUrl",
  VoiceMethod: "voiceMethod",
  VoiceFallbackUrl: "voiceFallbackUrl",
  VoiceFallbackMethod: "voiceFallbackMethod",
  SmsUrl: "smsUrl",
  SmsMethod: "smsMethod",
  SmsFallbackUrl: "smsFallbackUrl",
  SmsFallbackMethod: "smsFallbackMethod",
  StatusCallback: "statusCallback",
  StatusCallbackMethod: "statusCallbackMethod",
} as const satisfies Record<string, keyof FakeIncomingNumber>;

function toJson(state: FakeState, number: FakeIncomingNumber) {
  const uri = `${accountPath(state)}/IncomingPhoneNumbers/${number.sid}.json`;
  return {
    account_sid: state.accountSid,
    address_requirements: "none",
    address_sid: null,
    api_version: "2010-04-01",
    beta: number.beta,
    bundle_sid: null,
    capabilities: { voice: true, sms: true, mms: true, fax: false },
    date_created: number.dateCreated.toUTCString(),
    date_updated: number.dateUpdated.toUTCString(),
    emergency_address_sid: null,
    emergency_address_status: "unregistered",
    emergency_status: "Inactive",
    friendly_name: number.friendlyName,
    identity_sid: null,
    origin: number.origin,
    phone_number: number.phoneNumber,
    sid: number.sid,
    sms_application_sid: "",
    sms_fallback_method: number.smsFallbackMethod,
    sms_fallback_url: number.smsFallbackUrl,
    sms_method: number.smsMethod,
    sms_url: number.smsUrl,
    status: "in-use",
    status_callback: number.statusCallback,
    status_callback_method: number.statusCallbackMethod,
    trunk_sid: null,
    uri,
    voice_application_sid: null,
    voice_caller_id_lookup: false,
    voice_fallback_method: number.voiceFallbackMethod,
    voice_fallback_url: number.voiceFallbackUrl,
    voice_method: number.voiceMethod,
    voice_receive_mode: "voice",
    voice_url: number.voiceUrl,
    subresource_uris: { assigned_add_ons: uri.replace(/\.json$/, "/AssignedAddOns.json") },
  };
}

/** Twilio's PhoneNumber filter: digits and '*' (any one digit), matched anywhere in the number. */
function matchesPhoneFilter(phoneNumber: string, filter: string): boolean {
  const pattern = filter
    .replace(/[^0-9*+]/g, "")
    .replace(/\+/g, "\\+")
    .replace(/\*/g, "\\d");
  return new RegExp(pattern).test(phoneNumber);
}

function newNumber(fields: { phoneNumber: string; friendlyName?: string } & Partial<FakeIncomingNumber>) {
  const now = new Date();
  const friendly = fields.phoneNumber.replace(/^\+1(\d{3})(\d{3})(\d{4})$/, "($1) $2-$3");
  return {
    sid: newSid("PN"),
    friendlyName: friendly,
    origin: "twilio" as const,
    beta: false,
    voiceUrl: "",
    voiceMethod: "POST",
    voiceFallbackUrl: "",
    voiceFallbackMethod: "POST",
    smsUrl: "",
    smsMethod: "POST",
    smsFallbackUrl: "",
    smsFallbackMethod: "POST",
    statusCallback: "",
    statusCallbackMethod: "POST",
    dateCreated: now,
    dateUpdated: now,
    ...fields,
  };
}

/** null when the update form is valid, else Twilio's error. */
function invalidField(form: URLSearchParams): { code: number; message: string } | null {
  for (const [name, value] of form) {
    if (/Url$|^StatusCallback$/.test(name) && value !== "" && !/^https?:\/\/[^\s]+$/i.test(value)) {
      return { code: 21502, message: `${name} is not valid: ${value}` };
    }
    if (/Method$/.test(name) && !["GET", "POST"].includes(value.toUpperCase())) {
      return { code: 21503, message: `${name} must be GET or POST` };
    }
  }
  return null;
}

export function incomingPhoneNumbersResource(state: FakeState): { routes: Route[]; controls: FakeIncomingNumbers } {
  const controls: FakeIncomingNumbers = {
    list: [],
    updates: [],
    add(fields) {
      const number = newNumber(fields);
      controls.list.push(number);
      return number;
    },
  };
  const listPath = `${accountPath(state)}/IncomingPhoneNumbers.json`;
  const escaped = (path: string) => path.replaceAll(".", "\\.");

  const list: Route = {
    method: "GET",
    pattern: new RegExp(`^${escaped(listPath)}$`),
    handle({ response, url }) {
      const query = url.searchParams;
      const phoneFilter = query.get("PhoneNumber");
      const friendly = query.get("FriendlyName");
      const origin = query.get("Origin");
      const beta = query.get("Beta");
      const matching = controls.list.filter(
        (number) =>
          (!phoneFilter || matchesPhoneFilter(number.phoneNumber, phoneFilter)) &&
          (!friendly || number.friendlyName === friendly) &&
          (!origin || number.origin === origin) &&
          (beta === null || beta === "true" || !number.beta),
      );
      const pageSize = Math.min(Math.max(Number(query.get("PageSize") ?? 50) || 50, 1), 1000);
      const page = Math.max(Number(query.get("Page") ?? 0) || 0, 0);
      const start = page * pageSize;
      const items = matching.slice(start, start + pageSize);
      const filters = new URLSearchParams();
      for (const key of ["PhoneNumber", "FriendlyName", "Origin", "Beta"]) {
        const value = query.get(key);
        if (value !== null) filters.set(key, value);
      }
      const pageUri = (index: number, token?: string) => {
        const params = new URLSearchParams(filters);
        params.set("PageSize", String(pageSize));
        params.set("Page", String(index));
        if (token) params.set("PageToken", token);
        return `${listPath}?${params.toString()}`;
      };
      const hasNext = start + pageSize < matching.length;
      return sendJson(response, 200, {
        incoming_phone_numbers: items.map((number) => toJson(state, number)),
        first_page_uri: pageUri(0),
        next_page_uri: hasNext ? pageUri(page + 1, `PA${items.at(-1)!.sid}`) : null,
        previous_page_uri: page > 0 ? pageUri(page - 1, `PB${items[0]?.sid ?? ""}`) : null,
        page,
        page_size: pageSize,
        start,
        end: start + items.length - 1,
        uri: pageUri(page, query.get("PageToken") ?? undefined),
      });
    },
  };

  const create: Route = {
    method: "POST",
    pattern: new RegExp(`^${escaped(listPath)}$`),
    async handle({ response, readForm }) {
      const form = await readForm();
      const phoneNumber = form.get("PhoneNumber") ?? (form.get("AreaCode") ? `+1${form.get("AreaCode")}5550100` : "");
      if (!phoneNumber) {
        return sendTwilioError(response, {
          status: 400,
          code: 21452,
          message: "A 'PhoneNumber' or 'AreaCode' parameter is required.",
        });
      }
      const invalid = invalidField(form);
      if (invalid) return sendTwilioError(response, { status: 400, ...invalid });
      const number = controls.add({ phoneNumber });
      for (const [name, field] of Object.entries(UPDATABLE)) {
        const value = form.get(name);
        if (value !== null) (number[field] as string) = value;
      }
      return sendJson(response, 201, toJson(state, number));
    },
  };

  const update: Route = {
    method: "POST",
    pattern: new RegExp(`^${escaped(accountPath(state))}/IncomingPhoneNumbers/(PN[0-9a-fA-F]{32})\\.json$`),
    async handle({ response, params, readForm }) {
      const number = controls.list.find((candidate) => candidate.sid === params[0]);
      if (!number) {
        return sendTwilioError(response, {
          status: 404,
          code: 20404,
          message: "The requested resource was not found",
        });
      }
      const form = await readForm();
      controls.updates.push({ sid: number.sid, form: Object.fromEntries(form) });
      const invalid = invalidField(form);
      if (invalid) return sendTwilioError(response, { status: 400, ...invalid });
      for (const [name, field] of Object.entries(UPDATABLE)) {
        const value = form.get(name);
        if (value === null) continue;
        (number[field] as string) = /Method$/.test(name) ? value.toUpperCase() : value;
      }
      number.dateUpdated = new Date();
      return sendJson(response, 200, toJson(state, number));
    },
  };

  const fetchOne: Route = {
    method: "GET",
    pattern: new RegExp(`^${escaped(accountPath(state))}/IncomingPhoneNumbers/(PN[0-9a-fA-F]{32})\\.json$`),
    handle({ response, params }) {
      const number = controls.list.find((candidate) => candidate.sid === params[0]);
      if (!number) {
        return sendTwilioError(response, {
          status: 404,
          code: 20404,
          message: "The requested resource was not found",
        });
      }
      return sendJson(response, 200, toJson(state, number));
    },
  };

  return { routes: [list, create, update, fetchOne], controls };
}
