// A local stand-in for Twilio's REST API (integration tests, e2e and the benchmark): Messages.json create and
// list, Calls.json create (recorded, never dialled), Lookup v2 line types, scripted failures, and signed status
// callbacks like Twilio's.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import twilio from "twilio";

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

export type FakeCall = { sid: string; to: string; from: string; twiml?: string; url?: string; status: string };

export type FakeFailure = { status: number; code?: number; message?: string; retryAfter?: string };

/** Delivers a signed callback; by default over HTTP, tests may hand it to a route handler instead. */
export type CallbackDispatcher = (request: Request) => Promise<Response>;

export type TwilioFake = {
  url: string;
  messages: FakeMessage[];
  /** outgoing calls created through Calls.json */
  calls: FakeCall[];
  createRequests: number;
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

const sid = (prefix: string) => `${prefix}${randomBytes(16).toString("hex")}`;

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (data += chunk));
    request.on("end", () => resolve(data));
    request.on("error", reject);
  });
}

function toJson(message: FakeMessage) {
  return {
    sid: message.sid,
    account_sid: message.accountSid,
    to: message.to,
    from: message.from,
    body: message.body,
    status: message.status,
    num_segments: "1",
    direction: "outbound-api",
    api_version: "2010-04-01",
    date_created: message.dateCreated.toUTCString(),
    date_updated: message.dateCreated.toUTCString(),
    date_sent: message.dateCreated.toUTCString(),
    error_code: null,
    error_message: null,
    price: null,
    uri: `/2010-04-01/Accounts/${message.accountSid}/Messages/${message.sid}.json`,
  };
}

export async function startTwilioFake({
  accountSid,
  authToken,
  dispatchCallback = (request) => fetch(request),
}: {
  accountSid: string;
  authToken: string;
  dispatchCallback?: CallbackDispatcher;
}): Promise<TwilioFake> {
  const messages: FakeMessage[] = [];
  const calls: FakeCall[] = [];
  const failures: FakeFailure[] = [];
  const lineTypes = new Map<string, string>();
  const listeners: ((message: FakeMessage) => void)[] = [];
  let createDelayMs = 0;
  let holdResponsesMs = 0;
  const expectedAuth = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString("base64")}`;

  const send = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    response.writeHead(status, { "content-type": "application/json", ...headers });
    response.end(JSON.stringify(body));
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? "/", "http://fake.twilio");
    if (request.headers.authorization !== expectedAuth) {
      return send(response, 401, { code: 20003, message: "Authenticate", status: 401 });
    }
    const messagesPath = `/2010-04-01/Accounts/${accountSid}/Messages.json`;
    if (url.pathname === messagesPath && request.method === "POST") {
      fake.createRequests += 1;
      const form = new URLSearchParams(await readBody(request));
      if (createDelayMs) await new Promise((resolve) => setTimeout(resolve, createDelayMs));
      const failure = failures.shift();
      if (failure) {
        const headers: Record<string, string> = failure.retryAfter ? { "retry-after": failure.retryAfter } : {};
        return send(
          response,
          failure.status,
          { code: failure.code ?? null, message: failure.message ?? "fake failure", status: failure.status },
          headers,
        );
      }
      const message: FakeMessage = {
        sid: sid("SM"),
        accountSid,
        to: form.get("To") ?? "",
        from: form.get("From") ?? "",
        body: form.get("Body") ?? "",
        status: "queued",
        statusCallback: form.get("StatusCallback") ?? undefined,
        dateCreated: new Date(),
      };
      if (!message.to || !message.from || !message.body) {
        return send(response, 400, { code: 21604, message: "A 'To' phone number is required.", status: 400 });
      }
      messages.push(message);
      for (const listener of listeners) listener(message);
      if (holdResponsesMs) await new Promise((resolve) => setTimeout(resolve, holdResponsesMs));
      if (response.destroyed) return;
      return send(response, 201, toJson(message));
    }
    if (url.pathname === messagesPath && request.method === "GET") {
      const to = url.searchParams.get("To");
      const from = url.searchParams.get("From");
      const list = messages.filter((message) => (!to || message.to === to) && (!from || message.from === from));
      return send(response, 200, {
        messages: list.map(toJson),
        first_page_uri: messagesPath,
        next_page_uri: null,
        previous_page_uri: null,
        page: 0,
        page_size: 50,
        start: 0,
        end: list.length,
        uri: messagesPath,
      });
    }
    if (url.pathname === `/2010-04-01/Accounts/${accountSid}/Calls.json` && request.method === "POST") {
      const form = new URLSearchParams(await readBody(request));
      const call: FakeCall = {
        sid: sid("CA"),
        to: form.get("To") ?? "",
        from: form.get("From") ?? "",
        twiml: form.get("Twiml") ?? undefined,
        url: form.get("Url") ?? undefined,
        status: "queued",
      };
      if (!call.to || !call.from || (!call.twiml && !call.url)) {
        return send(response, 400, { code: 21205, message: "To, From and Twiml or Url are required.", status: 400 });
      }
      calls.push(call);
      return send(response, 201, {
        sid: call.sid,
        account_sid: accountSid,
        to: call.to,
        from: call.from,
        status: call.status,
        direction: "outbound-api",
        api_version: "2010-04-01",
        date_created: new Date().toUTCString(),
        uri: `/2010-04-01/Accounts/${accountSid}/Calls/${call.sid}.json`,
      });
    }
    const lookup = /^\/v2\/PhoneNumbers\/([^/]+)$/.exec(url.pathname);
    if (lookup && request.method === "GET") {
      const phone = decodeURIComponent(lookup[1]!);
      return send(response, 200, {
        phone_number: phone,
        valid: true,
        line_type_intelligence: {
          type: lineTypes.get(phone) ?? "mobile",
          carrier_name: "Fake Carrier",
          error_code: null,
        },
        url: `/v2/PhoneNumbers/${phone}`,
      });
    }
    return send(response, 404, { code: 20404, message: "The requested resource was not found", status: 404 });
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => send(response, 500, { message: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  const fake: TwilioFake = {
    url: `http://127.0.0.1:${port}`,
    messages,
    calls,
    createRequests: 0,
    failNextCreates(times, failure) {
      for (let index = 0; index < times; index += 1) failures.push(failure);
    },
    setLineType(phone, lineType) {
      lineTypes.set(phone, lineType);
    },
    setCreateDelay(ms) {
      createDelayMs = ms;
    },
    holdResponses(ms) {
      holdResponsesMs = ms;
    },
    async sendStatusCallback(messageSid, status, extra = {}) {
      const message = messages.find((candidate) => candidate.sid === messageSid);
      if (!message?.statusCallback) throw new Error(`no status callback for ${messageSid}`);
      message.status = status;
      const params = {
        AccountSid: accountSid,
        MessageSid: messageSid,
        SmsSid: messageSid,
        MessageStatus: status,
        SmsStatus: status,
        To: message.to,
        From: message.from,
        ApiVersion: "2010-04-01",
        ...extra,
      };
      const signature = twilio.getExpectedTwilioSignature(authToken, message.statusCallback, params);
      return dispatchCallback(
        new Request(message.statusCallback, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature },
          body: new URLSearchParams(params).toString(),
        }),
      );
    },
    onMessage(listener) {
      listeners.push(listener);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return fake;
}
