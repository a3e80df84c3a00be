// Bad input against EVERY route handler under app/api (found on disk): malformed, oversized, wrongly typed and
// hostile bodies, ids and query strings, unauthenticated, with a forged cookie, with a valid session, and for
// /api/twilio/* with a VALID signature over the hostile parameters. Never a 5xx, never internals in the answer,
// the JSON error shape on app APIs, nothing written when the request is refused, and the server stays healthy.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { hasUnsafeText } from "@/lib/http/clean-text";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { createTestBusiness, sessionCookie } from "@/test/helpers/business";
import { twilioSignature } from "@/test/helpers/twilio";
import {
  bodyCases,
  discardJobsQueuedSince,
  hostileIds,
  hostileQuery,
  leakIn,
  rowCounts,
  type BodyCase,
} from "@/test/reliability/fuzz-helpers";
import { withRequestScope } from "@/test/reliability/next-request-scope";
import { loadRoutes, withParams, type RouteMethod } from "@/test/reliability/route-inventory";

type Auth = "none" | "forged" | "session" | "twilio-signed";
const BASE = "https://ringback.test";

let routes: RouteMethod[] = [];
let cookie = "";

const fileStartedAt = new Date();

beforeAll(async () => {
  routes = await loadRoutes();
  await getBoss(); // a cold pg-boss start inside a transaction would stall it
  const owner = await createTestBusiness();
  cookie = await sessionCookie({ userId: owner.user.id, businessId: owner.business.id });
}, 180_000); // importing every route module and starting pg-boss: past the default 60 s on a loaded machine

afterAll(async () => {
  await discardJobsQueuedSince(fileStartedAt);
  await stopBoss();
});

async function send(
  route: RouteMethod,
  { auth, body, id, withQuery }: { auth: Auth; body: BodyCase; id: string; withQuery: boolean },
) {
  const { urlPath, context } = withParams(route, id);
  const url = `${BASE}${urlPath}${withQuery ? hostileQuery : ""}`;
  const headers = new Headers();
  if (body.contentType) headers.set("content-type", body.contentType);
  if (auth === "session") headers.set("cookie", cookie);
  if (auth === "forged")
    headers.set(
      "cookie",
      `__Secure-next-auth.session-token=${encodeURIComponent('eyJhbGciOiJub25lIn0.\'; DROP TABLE "User"; --.<script>')}; next-auth.session-token=x`,
    );
  if (auth === "twilio-signed") {
    const params = Object.fromEntries(new URLSearchParams(body.body ?? ""));
    headers.set("x-twilio-signature", await twilioSignature(url, params));
  }
  const hasBody = body.body !== undefined && route.method !== "GET";
  const controller = new AbortController();
  const request = new Request(url, {
    method: route.method,
    headers,
    body: hasBody ? body.body : undefined,
    signal: controller.signal,
  });
  const startedAt = Date.now();
  const call = () =>
    isNextAuth(route)
      ? withRequestScope(request, (next) => route.handler(next, context))
      : route.handler(request, context);
  // A handler that throws would become Next's bare 500: report it as exactly that, with the route and case.
  const response = await call().catch((error: unknown) => {
    throw new Error(`${route.method} ${urlPath} [${auth} / ${body.name}] threw instead of answering: ${String(error)}`);
  });
  if (process.env.FUZZ_TIMING)
    console.log("TIMING", Date.now() - startedAt, route.method, urlPath.slice(0, 40), auth, body.name);
  let text = "";
  if ((response.headers.get("content-type") ?? "").includes("text/event-stream")) {
    controller.abort(); // SSE: the client goes away at once
    await response.body?.cancel();
  } else {
    text = await response.text();
  }
  return { response, text };
}

/**
 * Actions that read nothing but the session and run a real end-to-end flow (seconds long): fuzzing their body
 * proves nothing, so the signed-in pass skips them (the unauthenticated passes still cover them).
 */
const SESSION_ONLY_ACTIONS = new Set(["/api/setup-test"]);
const isTwilio = (route: RouteMethod) => route.urlPath.startsWith("/api/twilio/");
const isNextAuth = (route: RouteMethod) => route.urlPath.startsWith("/api/auth/");
/** next-auth's real actions first (so the credentials flow itself is fuzzed), then hostile ones. */
const nextAuthActions = [
  "callback/credentials",
  "signin/credentials",
  "csrf",
  "session",
  "signout",
  "providers",
  ...hostileIds,
];
const idFor = (route: RouteMethod, index: number) =>
  isNextAuth(route) ? nextAuthActions[index % nextAuthActions.length]! : hostileIds[index % hostileIds.length]!;

function expectSafeAnswer(route: RouteMethod, label: string, { response, text }: { response: Response; text: string }) {
  const where = `${route.method} ${route.urlPath} [${label}] → ${response.status} ${text.slice(0, 200)}`;
  // 503 is allowed only as the documented retryable answer (database unreachable) with Retry-After.
  if (response.status >= 500) expect(response.status === 503 && response.headers.has("retry-after"), where).toBe(true);
  // next-auth answers an unknown action with its own fixed sentence ("Error: This action with HTTP GET is not
  // supported by NextAuth.js"): library text, no internals; everything else must not look like an error dump.
  const checked = isNextAuth(route)
    ? text.replace(/^Error: This action with HTTP \w+ is not supported by NextAuth\.js$/, "")
    : text;
  expect(leakIn(checked), where).toBeNull();
  const isJsonApi = !isTwilio(route) && !isNextAuth(route);
  if (isJsonApi && response.status >= 400) {
    const parsed = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    expect(typeof parsed.error?.code, where).toBe("string");
    expect(typeof parsed.error?.message, where).toBe("string");
  }
}

describe("fuzzing every route handler", () => {
  it("finds the route handlers on disk", () => {
    expect(routes.length).toBeGreaterThan(40);
    expect(routes.some((route) => route.urlPath === "/api/twilio/sms" && route.method === "POST")).toBe(true);
  });

  for (const auth of ["none", "forged"] as const) {
    it(`refuses every request without a valid session/signature (${auth}) and writes nothing`, async () => {
      for (const route of routes) {
        // Row counts around each route's whole batch of refused requests, not around each request: a refused request
        // must write nothing, so the batch must too, and counting every table twice per request was most of this
        // test's time (it ran into its timeout on a loaded machine). A failure names the route and its cases.
        const before = await rowCounts();
        for (const [index, body] of bodyCases.entries()) {
          const withQuery = index % 2 === 0;
          const result = await send(route, { auth, body, id: idFor(route, index), withQuery });
          expectSafeAnswer(route, `${auth} / ${body.name}`, result);
          const { status } = result.response;
          const isPublic = ["/api/health", "/api/push/vapid-public-key"].includes(route.urlPath) || isNextAuth(route);
          // A path or query with control characters is refused (400) before anything else, the session included.
          const urlIsHostile =
            withQuery || hasUnsafeText(decodeURIComponent(withParams(route, idFor(route, index)).urlPath));
          const refusals =
            urlIsHostile && !isTwilio(route) && !isNextAuth(route) ? [400, 401, 403, 404] : [401, 403, 404];
          // An over-size body is refused on its size before the signature is even looked at.
          if (isTwilio(route)) expect(status, `${route.urlPath} ${body.name}`).toBe(body.isOverCap ? 413 : 403);
          else if (!isPublic)
            expect(refusals, `${route.method} ${route.urlPath} ${body.name}: ${status}`).toContain(status);
        }
        expect(
          await rowCounts(),
          `${route.method} ${route.urlPath} [${auth} / ${bodyCases.map((body) => body.name).join(", ")}] wrote rows`,
        ).toEqual(before);
      }
    });
  }

  it("answers hostile input from a signed-in owner with a 4xx (or a normal answer), never a 5xx or internals", async () => {
    for (const route of routes) {
      if (isTwilio(route) || SESSION_ONLY_ACTIONS.has(route.urlPath)) continue;
      for (const [index, body] of bodyCases.entries()) {
        const before = await rowCounts();
        const result = await send(route, {
          auth: "session",
          body,
          id: idFor(route, index),
          withQuery: index % 2 === 1,
        });
        expectSafeAnswer(route, `session / ${body.name}`, result);
        if (result.response.status >= 400) {
          expect(
            await rowCounts(),
            `${route.method} ${route.urlPath} [session / ${body.name}] refused but wrote rows`,
          ).toEqual(before);
        }
      }
    }
  }, 60_000);

  it("answers validly signed hostile Twilio parameters without a 5xx, stack trace or write on refusal", async () => {
    const twilioBodies: BodyCase[] = [
      ...bodyCases.filter((body) => !body.name.startsWith("1 MB")),
      {
        name: "signed hostile params",
        contentType: "application/x-www-form-urlencoded",
        body: new URLSearchParams({
          CallSid: '\'; DROP TABLE "Call"; --',
          MessageSid: "<script>alert(1)</script>",
          From: "\u0000\u202e+1 (212) 555",
          To: "🙂🙂🙂",
          Body: '\'; DROP TABLE "Message"; -- <script>x</script> \u0007',
          DialCallStatus: "no-answer",
          MessageStatus: "\u0000",
          ErrorCode: "NaN",
          NumMedia: "999",
          RecordingUrl: "javascript:alert(1)",
          Digits: "1; rm -rf /",
        }).toString(),
      },
      {
        name: "well-formed sids, numbers that are not E.164",
        contentType: "application/x-www-form-urlencoded",
        body: new URLSearchParams({
          CallSid: `CA${"0".repeat(32)}`,
          MessageSid: `SM${"0".repeat(32)}`,
          From: "555-CALL-NOW",
          To: "+999999999999999999",
          Body: "STOP",
          DialCallStatus: "no-answer",
          MessageStatus: "delivered",
          RecordingUrl: "https://api.twilio.com/recording",
          NumMedia: "1",
          MediaUrl0: "file:///etc/passwd",
        }).toString(),
      },
    ];
    for (const route of routes.filter(isTwilio)) {
      for (const body of twilioBodies) {
        for (const withQuery of [false, true]) {
          const before = await rowCounts();
          const result = await send(route, { auth: "twilio-signed", body, id: "x", withQuery });
          expectSafeAnswer(route, `signed / ${body.name}`, result);
          expect(result.response.status, `${route.urlPath} ${body.name}`).not.toBe(403);
          if (result.response.status >= 400)
            expect(await rowCounts(), `${route.urlPath} ${body.name} refused but wrote`).toEqual(before);
        }
      }
    }
  });

  it("stays healthy afterwards", async () => {
    const response = await health();
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, db: "up" });
  });
});
