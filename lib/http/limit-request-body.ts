// The cap at the server's edge (scripts/serve.ts), before Next.js sees a request: a declared Content-Length over
// the cap is answered 413 at once, and a chunked body is counted as the socket delivers it and the connection is
// cut when it passes the cap, whoever is (or is not yet) reading it. Routes have smaller caps of their own
// (lib/http/read-body.ts); this one protects the process from a body no route would accept.
import type { IncomingMessage, ServerResponse } from "node:http";

export const EDGE_MAX_BODY_BYTES = 1024 * 1024;

/** Returns false when the request was refused (the response is then answered or the socket cut). */
export function limitRequestBody(request: IncomingMessage, response: ServerResponse, maxBytes: number): boolean {
  const declared = request.headers["content-length"];
  if (declared !== undefined && Number(declared) > maxBytes) {
    response.writeHead(413, { "content-type": "application/json", connection: "close" });
    response.end(JSON.stringify({ error: { code: "payload_too_large", message: "The request body is too large." } }));
    request.resume(); // let whatever was sent drain into nothing; the connection closes after the answer
    return false;
  }
  // Counted where the HTTP parser hands body bytes to the request stream, so the count does not depend on who
  // reads the stream or when.
  let received = 0;
  const push = request.push.bind(request);
  request.push = (chunk: unknown, encoding?: BufferEncoding) => {
    if (chunk !== null && chunk !== undefined) {
      received += typeof chunk === "string" ? Buffer.byteLength(chunk) : (chunk as Uint8Array).byteLength;
      if (received > maxBytes) {
        request.socket.destroy();
        return false;
      }
    }
    return push(chunk, encoding);
  };
  return true;
}
