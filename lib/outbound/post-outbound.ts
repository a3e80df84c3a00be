// POSTs to a user-given URL (a push endpoint, a CRM webhook) under the outbound rule: the address is checked at
// connect time by request-filtering-agent, which validates the very address the socket then connects to (the
// lookup result is pinned: no second resolution between check and connect). Redirects are never followed (node's
// http client does not follow them; a 3xx is just a status). The answer's body is read up to 64 KB and dropped.
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from "request-filtering-agent";
import { env } from "@/lib/env";

const MAX_RESPONSE_BYTES = 64 * 1024;

/** The address (after DNS) is not public: nothing was sent. */
export class OutboundBlockedError extends Error {
  constructor() {
    super("address not allowed: Ringback only calls public internet addresses");
    this.name = "OutboundBlockedError";
  }
}

export class OutboundTimeoutError extends Error {
  constructor(ms: number) {
    super(`no answer within ${ms / 1000} s`);
    this.name = "OutboundTimeoutError";
  }
}

type Agents = { http: http.Agent; https: https.Agent };
const agentsBySwitch = new Map<boolean, Agents>();

function agentsFor(allowPrivate: boolean): Agents {
  let agents = agentsBySwitch.get(allowPrivate);
  if (!agents) {
    const options = { allowPrivateIPAddress: allowPrivate, allowMetaIPAddress: allowPrivate, keepAlive: false };
    agents = { http: new RequestFilteringHttpAgent(options), https: new RequestFilteringHttpsAgent(options) };
    agentsBySwitch.set(allowPrivate, agents);
  }
  return agents;
}

function isBlockedByAgent(error: unknown): boolean {
  return error instanceof Error && /^DNS lookup .* is not allowed/.test(error.message);
}

export async function postOutbound(
  url: string,
  {
    headers,
    body,
    timeoutMs,
    lookup,
  }: { headers: Record<string, string>; body: Uint8Array | string; timeoutMs: number; lookup?: LookupFunction },
): Promise<{ status: number }> {
  const target = new URL(url);
  const allowPrivate = env().allowPrivateOutboundUrls;
  const isHttps = target.protocol === "https:";
  // Checked again here: a URL stored before the rule (or written around the API) is held to it too.
  if (!isHttps && !(allowPrivate && target.protocol === "http:")) throw new OutboundBlockedError();
  const agents = agentsFor(allowPrivate);
  const payload = typeof body === "string" ? Buffer.from(body) : Buffer.from(body);
  const transport = isHttps ? https : http;
  return new Promise((resolve, reject) => {
    // The whole exchange, not only each idle gap, is bounded.
    const deadline = setTimeout(() => request.destroy(new OutboundTimeoutError(timeoutMs)), timeoutMs);
    const request = transport.request(
      target,
      {
        method: "POST",
        agent: isHttps ? agents.https : agents.http,
        headers: { ...headers, "content-length": String(payload.length) },
        timeout: timeoutMs,
        ...(lookup ? { lookup } : {}),
      },
      (response) => {
        let received = 0;
        response.on("data", (chunk: Buffer) => {
          received += chunk.length;
          if (received > MAX_RESPONSE_BYTES) response.destroy();
        });
        const done = () => {
          clearTimeout(deadline);
          resolve({ status: response.statusCode ?? 0 });
        };
        response.on("close", done);
        response.on("error", done);
      },
    );
    request.on("timeout", () => request.destroy(new OutboundTimeoutError(timeoutMs)));
    request.on("error", (error) => {
      clearTimeout(deadline);
      reject(isBlockedByAgent(error) ? new OutboundBlockedError() : error);
    });
    request.end(payload);
  });
}
