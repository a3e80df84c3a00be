// The production server answers Twilio's webhooks itself, from the same handler table the route files export, without
// passing them through Next.js: Twilio's callbacks are most of the server's traffic (four per missed call), and
// Next.js's request pipeline (routing, its request and response adaptation, the route module's wrapper) cost about a
// millisecond of CPU each for nothing these handlers use. The handlers read no Next.js request store (no headers(),
// cookies() or after()), so they behave the same on both paths; the route files stay the way Next.js serves them in
// development, where its reload must see edits.
//
// Here the webhooks are called on plain input (path, form text, signature) and answer plainly (status, text,
// headers): building a WHATWG Request for them (its body a stream) and reading their Response back cost about a
// tenth of the server's CPU under the missed-calls benchmark, for objects only Next.js needs.
import type { IncomingMessage, ServerResponse } from "node:http";
import { logger } from "@/lib/log";
import { MAX_TWILIO_FORM_BYTES } from "@/lib/http/read-body";
import { securityHeaders } from "@/lib/http/security-headers";
import type { TwilioWebhook } from "@/lib/telephony/twilio-webhook";
import { twilioWebhookAt } from "@/lib/telephony/webhooks/handlers";

/** The headers every response carries, as this server answers them (NODE_ENV is fixed when it starts). */
const securityHead: Record<string, string> = Object.fromEntries(
  securityHeaders({ isProduction: process.env.NODE_ENV === "production" }).map(({ key, value }) => [key, value]),
);

/**
 * Takes the request when it is a POST to one of the Twilio webhooks (true), and answers it; anything else is left to
 * Next.js (false). Only the path and query of the request's URL are used: the signature is checked against
 * PUBLIC_BASE_URL, as on the Next.js path.
 */
export function serveTwilioWebhookDirect(request: IncomingMessage, response: ServerResponse): boolean {
  if (request.method !== "POST") return false;
  const url = request.url ?? "/";
  const queryAt = url.indexOf("?");
  const webhook = twilioWebhookAt(queryAt === -1 ? url : url.slice(0, queryAt));
  if (!webhook) return false;
  void answerDirect(webhook, request, response, url).catch((error: unknown) => {
    logger.error({ err: error, path: url.split("?")[0] }, "twilio webhook failed");
    if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
    response.end("Internal error");
  });
  return true;
}

async function answerDirect(webhook: TwilioWebhook, incoming: IncomingMessage, outgoing: ServerResponse, url: string) {
  const body = await readUpTo(incoming, MAX_TWILIO_FORM_BYTES);
  // A repeated header arrives joined with ", ", as Headers.get gives it on the Next.js path.
  const signature = incoming.headers["x-twilio-signature"];
  // A body past Twilio's cap is refused (413) the way the route refuses any oversize form, and the connection
  // closes, as the rest of it was never read.
  const answered = await webhook.answer({
    pathWithQuery: pathWithQueryOf(url),
    body: body?.toString("utf8") ?? "",
    isBodyTooLarge: body === null,
    signature: typeof signature === "string" ? signature : null,
  });
  const head: Record<string, string> = { ...securityHead, ...answered.headers };
  if (body === null) head.connection = "close";
  // The whole answer is at hand: sent with its length, in one piece, not chunked (a 204 has neither body nor length).
  if (answered.status !== 204) head["content-length"] = String(Buffer.byteLength(answered.body ?? ""));
  outgoing.writeHead(answered.status, head);
  if (answered.body === null) outgoing.end();
  else outgoing.end(answered.body);
}

/** Characters the WHATWG URL parser leaves as they are in a query: printable ASCII but " # ' < >. */
const URL_SAFE_QUERY = /^[!$-&(-;=?-~]*$/;

/**
 * The path and query as the route handler reads them from `new URL(request.url)`, as the signature was checked on
 * the Next.js path. Twilio calls back the percent-encoded URLs we hand it, already in that form; only another query
 * (or an empty one) is put through the parser.
 */
function pathWithQueryOf(url: string): string {
  const queryAt = url.indexOf("?");
  if (queryAt === -1) return url;
  const query = url.slice(queryAt + 1);
  if (query !== "" && URL_SAFE_QUERY.test(query)) return url;
  const { pathname, search } = new URL(url, "http://localhost");
  return `${pathname}${search}`;
}

/** The body, or null when it is longer than `maxBytes` (then the rest is left unread). */
function readUpTo(request: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      total += chunk.byteLength;
      if (total > maxBytes) {
        request.off("data", onData).off("end", onEnd).pause();
        resolve(null);
      }
    };
    const onEnd = () => resolve(Buffer.concat(chunks, total));
    request.on("data", onData).once("end", onEnd).once("error", reject);
  });
}
