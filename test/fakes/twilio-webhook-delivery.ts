// Twilio's side of a webhook: how it calls one of our URLs. One attempt; a failure is retried only as the URL's
// connection overrides (its #fragment) allow, within their total time; by default an error answer is never retried
// (only a connection that could not be made, once). When the last attempt failed and the number has a fallback URL,
// Twilio calls that instead. Requests are signed as Twilio signs them: the URL it requests (no fragment), the form.
import twilio from "twilio";

export type FailureKind = "ct" | "rt" | "4xx" | "5xx";
export type Overrides = {
  connectTimeoutMs: number;
  readTimeoutMs: number;
  totalMs: number;
  retries: number;
  retryOn: Set<FailureKind>;
};
export type Attempt = { url: string; status: number | null; failure: FailureKind | null };
export type Delivery = { attempts: Attempt[]; response: Response | null; body: string; usedFallback: boolean };
/** Hands one request to the app: a route handler, or fetch over HTTP. Throwing means "could not connect". */
export type Dispatch = (request: Request) => Promise<Response>;

/** A Dispatch that calls route handlers in-process, by path. */
export function dispatchToRoutes(routes: Record<string, (request: Request) => Promise<Response>>): Dispatch {
  return async (request) => {
    const handler = routes[new URL(request.url).pathname];
    if (!handler) throw new Error(`no route at ${request.url}`);
    return handler(request);
  };
}

const DEFAULTS: Overrides = {
  connectTimeoutMs: 5_000,
  readTimeoutMs: 15_000,
  totalMs: 15_000,
  retries: 1,
  retryOn: new Set(["ct"]),
};

/** The overrides a URL's fragment asks for (Twilio's names: ct, rt, tt, rc, rp), Twilio's defaults otherwise. */
export function parseOverrides(url: string): Overrides {
  const fragment = url.includes("#") ? url.slice(url.indexOf("#") + 1) : "";
  const values = new URLSearchParams(fragment);
  const number = (key: string, fallback: number) => (values.has(key) ? Number(values.get(key)) : fallback);
  const policy = values.get("rp");
  const retryOn =
    policy === null
      ? DEFAULTS.retryOn
      : new Set(
          policy.split(",").flatMap((kind) => (kind === "all" ? ["ct", "rt", "4xx", "5xx"] : [kind])) as FailureKind[],
        );
  return {
    connectTimeoutMs: number("ct", DEFAULTS.connectTimeoutMs),
    readTimeoutMs: number("rt", DEFAULTS.readTimeoutMs),
    totalMs: number("tt", DEFAULTS.totalMs),
    retries: number("rc", DEFAULTS.retries),
    retryOn,
  };
}

function signedRequest(url: string, params: Record<string, string>, authToken: string): Request {
  const requested = url.split("#")[0]!;
  return new Request(requested, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-twilio-signature": twilio.getExpectedTwilioSignature(authToken, requested, params),
      "i-twilio-idempotency-token": crypto.randomUUID(),
    },
    body: new URLSearchParams(params).toString(),
  });
}

async function attemptOnce(dispatch: Dispatch, request: Request, readTimeoutMs: number) {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<"rt">((resolve) => (timer = setTimeout(() => resolve("rt"), readTimeoutMs)));
  try {
    const outcome = await Promise.race([dispatch(request).catch(() => "ct" as const), timedOut]);
    if (outcome === "ct" || outcome === "rt") return { response: null, failure: outcome, status: null };
    const failure: FailureKind | null = outcome.status >= 500 ? "5xx" : outcome.status >= 400 ? "4xx" : null;
    return { response: outcome, failure, status: outcome.status };
  } finally {
    clearTimeout(timer);
  }
}

/** Delivers `params` to `url` as Twilio would, then to `fallbackUrl` if every allowed attempt failed. */
export async function deliverWebhook({
  url,
  fallbackUrl,
  params,
  authToken,
  dispatch,
}: {
  url: string;
  fallbackUrl?: string;
  params: Record<string, string>;
  authToken: string;
  dispatch: Dispatch;
}): Promise<Delivery> {
  const attempts: Attempt[] = [];
  const overrides = parseOverrides(url);
  const startedAt = Date.now();
  for (let attempt = 0; attempt <= overrides.retries; attempt++) {
    const result = await attemptOnce(dispatch, signedRequest(url, params, authToken), overrides.readTimeoutMs);
    attempts.push({ url, status: result.status, failure: result.failure });
    if (!result.failure) {
      return { attempts, response: result.response, body: await result.response!.text(), usedFallback: false };
    }
    const isRetried = overrides.retryOn.has(result.failure) && Date.now() - startedAt < overrides.totalMs;
    if (!isRetried) break;
  }
  if (!fallbackUrl) return { attempts, response: null, body: "", usedFallback: false };
  // Twilio tells the fallback what went wrong: 11200 is its "HTTP retrieval failure".
  const fallbackParams = { ...params, ErrorCode: "11200", ErrorUrl: url.split("#")[0]! };
  const fallback = await deliverWebhook({ url: fallbackUrl, params: fallbackParams, authToken, dispatch });
  return { ...fallback, attempts: [...attempts, ...fallback.attempts], usedFallback: true };
}
