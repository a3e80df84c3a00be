// The Twilio SDK's HTTP transport: node:http/https with one keep-alive Agent per protocol, instead of the SDK's
// RequestClient, which sends through axios. Under the missed-calls benchmark (one Messages.json create per missed
// call) axios and RequestClient took about 4% of the server's CPU for one small form POST per call; node's own client
// with a keep-alive Agent does the same for a fraction of that. Only the sending is ours: the SDK still builds every
// request (URL, query, form fields, credentials, headers), pages the lists, and turns a non-2xx answer into its
// RestException from the answer's text (twilio/lib/base/Version.js).
//
// The contract is RequestClient.request's: every answer 100–599 resolves as { statusCode, body, headers }; only the
// lack of an answer (connection error, timeout) rejects. Such an error names the method, the URL (no query string, no
// credentials) and the cause's code (ECONNREFUSED, ETIMEDOUT), carries no `status` (lib/telephony/send-sms-error.ts:
// no answer, so retry after a look) and no header: the Authorization header never leaves the request.
import http from "node:http";
import https from "node:https";
import { text } from "node:stream/consumers";
import twilio from "twilio";
import type TwilioRequestClient from "twilio/lib/base/RequestClient";
import type TwilioResponse from "twilio/lib/http/response";
import { scrubText } from "@/lib/serialize-error";

type RequestOptions<TData> = TwilioRequestClient.RequestOptions<TData>;
type Answer = { statusCode: number; body: string; headers: http.IncomingHttpHeaders };

// At most 20 sockets per host, as the SDK's agent allowed; all of them may wait idle for the next burst (the SDK kept
// 5), until 10 s idle or the server's shorter Keep-Alive: timeout=, which Node honours.
const agentOptions = { keepAlive: true, maxSockets: 20, maxFreeSockets: 20, timeout: 10_000 };
const httpAgent = new http.Agent(agentOptions);
const httpsAgent = new https.Agent(agentOptions);

/** No HTTP answer: the connection failed or the deadline passed. No `status`, since there was none. */
class TwilioTransportError extends Error {
  readonly code?: string;

  constructor(method: string, target: URL, reason: { message: string; code?: string; cause?: unknown }) {
    // origin + path only: the query may carry phone numbers (list filters), and a Lookup path carries one (masked).
    super(`${method} ${target.origin}${scrubText(target.pathname)}: ${reason.message}`, { cause: reason.cause });
    this.name = "TwilioTransportError";
    this.code = reason.code;
  }
}

function reasonOf(cause: unknown): { message: string; code?: string; cause: unknown } {
  const { message, code } = (cause ?? {}) as { message?: unknown; code?: unknown };
  return {
    message: typeof message === "string" && message ? message : "request failed",
    code: typeof code === "string" ? code : undefined,
    cause,
  };
}

/** Form fields or query parameters as the SDK's qs call wrote them (arrayFormat "repeat"): an array repeats its key. */
function toSearchParams(fields: object): URLSearchParams {
  const search = new URLSearchParams();
  const entries: [string, unknown][] = Object.entries(fields);
  for (const [key, value] of entries) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined) search.append(key, item === null ? "" : String(item));
    }
  }
  return search;
}

/** The body as RequestClient writes it: a form or JSON, by the Content-Type the SDK set; no data, no body. */
function bodyOf<TData>({ data, headers }: RequestOptions<TData>): string | undefined {
  if (!data) return undefined;
  const contentType = headers?.["Content-Type"];
  if (contentType === "application/x-www-form-urlencoded" && typeof data === "object") {
    return toSearchParams(data).toString();
  }
  if (contentType === "application/json") return typeof data === "string" ? data : JSON.stringify(data);
  return undefined;
}

async function headersOf<TData>(
  opts: RequestOptions<TData>,
  body: string | undefined,
): Promise<http.OutgoingHttpHeaders> {
  const headers: http.OutgoingHttpHeaders = { ...opts.headers };
  if (opts.username && opts.password) {
    headers.Authorization = `Basic ${Buffer.from(`${opts.username}:${opts.password}`).toString("base64")}`;
  } else if (opts.authStrategy) {
    headers.Authorization = await opts.authStrategy.getAuthString();
  }
  if (body !== undefined) headers["Content-Length"] = Buffer.byteLength(body);
  return headers;
}

/** One request and its whole answer, read as UTF-8 text; the deadline covers both (a stalled body fails too). */
function exchange(
  target: URL,
  init: { method: string; headers: http.OutgoingHttpHeaders; body?: string; timeoutMs: number },
): Promise<Answer> {
  const isHttps = target.protocol === "https:";
  let deadline: NodeJS.Timeout | undefined;
  const answer = new Promise<Answer>((resolve, reject) => {
    const fail = (reason: { message: string; code?: string; cause?: unknown }) =>
      reject(new TwilioTransportError(init.method, target, reason));
    const send = isHttps ? https.request : http.request;
    const options = { method: init.method, headers: init.headers, agent: isHttps ? httpsAgent : httpAgent };
    const request = send(target, options, (response) => {
      text(response).then(
        (body) => resolve({ statusCode: response.statusCode ?? 0, body, headers: response.headers }),
        (cause: unknown) => fail(reasonOf(cause)),
      );
    });
    deadline = setTimeout(() => {
      fail({ message: `no answer within ${init.timeoutMs / 1000} s`, code: "ETIMEDOUT" });
      request.destroy();
    }, init.timeoutMs);
    request.on("error", (cause) => fail(reasonOf(cause)));
    request.end(init.body);
  });
  return answer.finally(() => clearTimeout(deadline));
}

/**
 * The SDK's `httpClient`. It extends RequestClient because the SDK's typings name that class (a private member makes
 * it nominal); request() is replaced whole, and the axios instance the parent's constructor builds stays unused.
 */
export class TwilioHttpClient extends twilio.RequestClient {
  constructor({ timeoutMs }: { timeoutMs: number }) {
    super({ timeout: timeoutMs }); // kept as defaultTimeout: a request's own timeout wins, as in RequestClient
  }

  override async request<TData>(opts: RequestOptions<TData>): Promise<TwilioResponse<TData>> {
    // No resource of the SDK asks to follow redirects; following one here would mean choosing where credentials go.
    if (opts.allowRedirects) throw new Error("TwilioHttpClient does not follow redirects");
    const target = new URL(opts.uri);
    if (target.protocol !== "https:" && target.protocol !== "http:") {
      throw new Error(`TwilioHttpClient speaks http: and https:, not ${target.protocol}`);
    }
    if (opts.params) for (const [key, value] of toSearchParams(opts.params)) target.searchParams.append(key, value);
    const body = bodyOf(opts);
    const headers = await headersOf(opts, body);
    const method = opts.method.toUpperCase();
    const answer = await exchange(target, { method, headers, body, timeoutMs: opts.timeout || this.defaultTimeout });
    // The SDK's typings call the body TData (the request data's type); it is the answer's text, which the SDK parses.
    return answer as TwilioResponse<TData>;
  }
}
