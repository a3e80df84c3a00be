// The production server answers Twilio's webhooks itself, from the same handler table the route files export, without
// passing them through Next.js: Twilio's callbacks are most of the server's traffic (four per missed call), and
// Next.js's request pipeline (routing, its request and response adaptation, the route module's wrapper) cost about a
// millisecond of CPU each for nothing these handlers use. The handlers read no Next.js request store (no headers(),
// cookies() or after()), so they behave the same on both paths; the route files stay the way Next.js serves them in
// development, where its reload must see edits.
import type { IncomingMessage, ServerResponse } from "node:http";
import { logger } from "@/lib/log";
import { MAX_TWILIO_FORM_BYTES } from "@/lib/http/read-body";
import { securityHeaders } from "@/lib/http/security-headers";
import { twilioWebhookHandlers, type TwilioWebhookPath } from "@/lib/telephony/webhooks/handlers";

/** The headers every response carries, as this server answers them (NODE_ENV is fixed when it starts). */
const securityHead: Record<string, string> = Object.fromEntries(
  securityHeaders({ isProduction: process.env.NODE_ENV === "production" }).map(({ key, value }) => [key, value]),
);

const handlerOf = (path: string) =>
  Object.hasOwn(twilioWebhookHandlers, path) ? twilioWebhookHandlers[path as TwilioWebhookPath] : undefined;

/**
 * Takes the request when it is a POST to one of the Twilio webhooks (true), and answers it; anything else is left to
 * Next.js (false). Only the path and query of the request's URL are used: the signature is checked against
 * PUBLIC_BASE_URL, as on the Next.js path.
 */
export function serveTwilioWebhookDirect(request: IncomingMessage, response: ServerResponse): boolean {
  if (request.method !== "POST") return false;
  const url = request.url ?? "/";
  const queryAt = url.indexOf("?");
  const handler = handlerOf(queryAt === -1 ? url : url.slice(0, queryAt));
  if (!handler) return false;
  void answer(handler, request, response, url).catch((error: unknown) => {
    logger.error({ err: error, path: url.split("?")[0] }, "twilio webhook failed");
    if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
    response.end("Internal error");
  });
  return true;
}

async function answer(
  handler: (request: Request) => Promise<Response>,
  incoming: IncomingMessage,
  outgoing: ServerResponse,
  url: string,
) {
  const { body, isComplete } = await readUpTo(incoming, MAX_TWILIO_FORM_BYTES);
  const headers = new Headers();
  for (let index = 0; index < incoming.rawHeaders.length; index += 2) {
    headers.append(incoming.rawHeaders[index]!, incoming.rawHeaders[index + 1]!);
  }
  // A body that went past Twilio's cap is handed on cut just past it: the handler refuses it (413) the way it refuses
  // any oversize form, and the connection closes, as the rest of the body was never read.
  if (!isComplete) headers.delete("content-length");
  const answered = await handler(
    new Request(new URL(url, "http://localhost"), { method: "POST", headers, body: new Uint8Array(body) }),
  );
  const head: Record<string, string> = { ...securityHead };
  answered.headers.forEach((value, key) => (head[key] = value));
  if (!isComplete) head.connection = "close";
  // The whole answer is at hand: sent with its length, in one piece, not chunked (a 204 has neither body nor length).
  const bytes = Buffer.from(await answered.arrayBuffer());
  if (answered.status !== 204) head["content-length"] = String(bytes.byteLength);
  outgoing.writeHead(answered.status, head);
  outgoing.end(bytes);
}

/** The body, or its first `maxBytes + 1` bytes when it is longer (then the rest is left unread). */
function readUpTo(request: IncomingMessage, maxBytes: number): Promise<{ body: Buffer; isComplete: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      total += chunk.byteLength;
      if (total > maxBytes) {
        request.off("data", onData).off("end", onEnd).pause();
        resolve({ body: Buffer.concat(chunks).subarray(0, maxBytes + 1), isComplete: false });
      }
    };
    const onEnd = () => resolve({ body: Buffer.concat(chunks, total), isComplete: true });
    request.on("data", onData).once("end", onEnd).once("error", reject);
  });
}
