// The Twilio REST client, pointed at TWILIO_API_BASE_URL (a proxy, or the local fake in tests and benchmarks).
// One client per process; a small AsyncLocalStorage hands each caller the Retry-After of its own failed request.
// Its requests go over node:http/https, not the SDK's axios client (lib/telephony/twilio-http-client.ts says why).
import { AsyncLocalStorage } from "node:async_hooks";
import twilio from "twilio";
import type TwilioRequestClient from "twilio/lib/base/RequestClient";
import { env } from "@/lib/env";
import { TWILIO_REQUEST_TIMEOUT_MS } from "@/lib/jobs/recovery-timing";
import { TwilioHttpClient } from "@/lib/telephony/twilio-http-client";

type RequestScope = { retryAfterSeconds?: number };
const requestScope = new AsyncLocalStorage<RequestScope>();

/** Remembers Retry-After (seconds or an HTTP date) of 429/503 answers for the request that got them. */
class RetryAfterAwareClient extends TwilioHttpClient {
  override async request<TData>(opts: TwilioRequestClient.RequestOptions<TData>) {
    const response = await super.request<TData>(opts);
    const scope = requestScope.getStore();
    const header = response.headers?.["retry-after"] as string | undefined;
    if (scope && header && response.statusCode >= 429) {
      const seconds = /^\d+$/.test(header) ? Number(header) : (Date.parse(header) - Date.now()) / 1000;
      if (Number.isFinite(seconds) && seconds > 0) scope.retryAfterSeconds = Math.min(Math.ceil(seconds), 3600);
    }
    return response;
  }
}

type TwilioClient = ReturnType<typeof twilio>;
const globalForTwilio = globalThis as unknown as { ringbackTwilio?: { key: string; client: TwilioClient } };

export function getTwilioClient(): TwilioClient {
  const { accountSid, authToken, apiBaseUrl } = env().twilio;
  if (!accountSid || !authToken) throw new Error("Twilio credentials are not configured (simulator mode).");
  const key = `${accountSid}|${apiBaseUrl}`;
  if (globalForTwilio.ringbackTwilio?.key === key) return globalForTwilio.ringbackTwilio.client;
  const client = twilio(accountSid, authToken, {
    httpClient: new RetryAfterAwareClient({ timeoutMs: TWILIO_REQUEST_TIMEOUT_MS }),
  });
  if (apiBaseUrl !== "https://api.twilio.com") {
    // twilio-node builds every URL from the domain's baseUrl: redirect the API (and Lookup) domains.
    client.api.baseUrl = apiBaseUrl;
    client.lookups.baseUrl = apiBaseUrl;
  }
  globalForTwilio.ringbackTwilio = { key, client };
  return client;
}

/** Runs a Twilio call and reports the Retry-After it was given, if any. */
export async function withRetryAfter<T>(
  run: () => Promise<T>,
): Promise<{ result?: T; error?: unknown; retryAfterSeconds?: number }> {
  const scope: RequestScope = {};
  return requestScope.run(scope, async () => {
    try {
      return { result: await run(), retryAfterSeconds: scope.retryAfterSeconds };
    } catch (error) {
      return { error, retryAfterSeconds: scope.retryAfterSeconds };
    }
  });
}
