// The production server's direct path for Twilio's webhooks (serve-direct.ts), over real HTTP: a node:http server
// that hands everything the direct path does not take to a stand-in for Next.js, and signed requests as Twilio sends
// them. What the route files answer, this path answers the same way, with the headers every response carries.
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { MAX_TWILIO_FORM_BYTES } from "@/lib/http/read-body";
import { twilioWebhookAt } from "@/lib/telephony/webhooks/handlers";
import { serveTwilioWebhookDirect } from "@/lib/telephony/webhooks/serve-direct";
import { createTestBusiness, randomPhone } from "@/test/helpers/business";
import { leaveNoWorkBehind } from "@/test/helpers/leave-no-work-behind";
import { callSid, signedTwilioRequest } from "@/test/helpers/twilio";

const fileStartedAt = new Date();
let server: Server;
let base: string;

beforeAll(async () => {
  await getBoss(); // the accepted calls queue work; no worker runs it here
  server = createServer((request, response) => {
    if (!serveTwilioWebhookDirect(request, response)) response.writeHead(404).end("left to Next.js");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await leaveNoWorkBehind(fileStartedAt);
  await stopBoss();
});

/** The signed request sent to the test server instead of the public URL it was signed for. */
async function send(signed: Request) {
  const { pathname, search } = new URL(signed.url);
  return fetch(`${base}${pathname}${search}`, {
    method: signed.method,
    headers: signed.headers,
    body: await signed.text(),
  });
}

type Answer = { status: number; headers: IncomingHttpHeaders; body: string };

/**
 * A POST to the test server with the request target exactly as given: fetch would put the query through `new URL`
 * first, and the direct path must do that itself.
 */
function postRaw(target: string, headers: Record<string, string>, body: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${base}/`, { method: "POST", path: target, headers });
    request.on("response", (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks).toString() }),
      );
    });
    request.on("error", reject);
    request.end(body);
  });
}

/** The Next.js route handler's answer (the one the route file exports as POST) to the same request. */
async function routeAnswer(signed: Request): Promise<Answer> {
  const webhook = twilioWebhookAt(new URL(signed.url).pathname);
  if (!webhook) throw new Error(`no webhook at ${signed.url}`);
  const response = await webhook(signed);
  return { status: response.status, headers: Object.fromEntries(response.headers), body: await response.text() };
}

/** The request's own headers and body, sent to `target` (the path and query, as raw as the test needs it). */
async function directAnswer(signed: Request, target: string): Promise<Answer> {
  return postRaw(target, Object.fromEntries(signed.headers), await signed.text());
}

describe("Twilio's webhooks answered without Next.js", () => {
  it("a signed Voice webhook: the call is stored and the TwiML answered, with the security headers", async () => {
    const { business, twilioNumber } = await createTestBusiness();
    const sid = callSid();
    const response = await send(
      await signedTwilioRequest("/api/twilio/voice", { CallSid: sid, From: randomPhone(), To: twilioNumber }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/xml");
    expect(response.headers.get("cache-control")).toContain("no-store");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    const twiml = await response.text();
    expect(twiml).toContain("<Dial");
    expect(response.headers.get("content-length")).toBe(String(Buffer.byteLength(twiml)));
    expect(await db.call.findUniqueOrThrow({ where: { callSid: sid } })).toMatchObject({ businessId: business.id });
  });

  it("a status callback for a message we do not know: 204, with neither body nor length", async () => {
    const response = await send(
      await signedTwilioRequest("/api/twilio/message-status", {
        MessageSid: `SM${"d".repeat(32)}`,
        MessageStatus: "delivered",
      }),
    );
    expect(response.status).toBe(204);
    expect(response.headers.get("content-length")).toBeNull();
    expect(await response.text()).toBe("");
  });

  it("a wrong signature: 403 and nothing stored", async () => {
    const { twilioNumber } = await createTestBusiness();
    const sid = callSid();
    const response = await send(
      await signedTwilioRequest(
        "/api/twilio/voice",
        { CallSid: sid, From: randomPhone(), To: twilioNumber },
        { signature: "bm90LXRoZS1zaWduYXR1cmU=" },
      ),
    );
    expect(response.status).toBe(403);
    expect(await db.call.findUnique({ where: { callSid: sid } })).toBeNull();
  });

  it("a chunked body past Twilio's cap: 413, the rest never read, the connection closed", async () => {
    const { status, connection } = await new Promise<{ status: number; connection: string | undefined }>(
      (resolve, reject) => {
        const request = httpRequest(`${base}/api/twilio/sms`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": "c2ln" },
        });
        request.on("response", (response) => {
          response.resume();
          resolve({ status: response.statusCode!, connection: response.headers.connection });
        });
        request.on("error", reject);
        request.write(`Body=${"a".repeat(70 * 1024)}`); // no Content-Length: sent chunked, and never ended
      },
    );
    expect(status).toBe(413);
    expect(connection).toBe("close");
  });

  it("a Content-Length past Twilio's cap: 413, the connection closed", async () => {
    const body = `Body=${"a".repeat(MAX_TWILIO_FORM_BYTES)}`;
    const answer = await postRaw(
      "/api/twilio/sms",
      { "content-type": "application/x-www-form-urlencoded", "content-length": String(body.length) },
      body,
    );
    expect(answer.status).toBe(413);
    expect(answer.headers.connection).toBe("close");
  });

  it("answers what the route handler answers: status, body, content type and caching", async () => {
    const unknownNumber = "+19995550123";
    const voiceCall = () => ({ CallSid: callSid(), From: randomPhone(), To: unknownNumber });
    const oversize = { Body: "a".repeat(MAX_TWILIO_FORM_BYTES) };
    // A query `new URL` rewrites (< becomes %3C), sent as typed: the route handler checks the signature on the URL as
    // parsed (it accepts that one and refuses one made on the typed URL), and so must the direct path.
    const quotedQuery = "/api/twilio/voice?note=<quoted>";
    const cases: { name: string; status: number; request: () => Promise<Request>; target?: string }[] = [
      { name: "TwiML", status: 200, request: () => signedTwilioRequest("/api/twilio/voice", voiceCall()) },
      {
        name: "cached TwiML",
        status: 200,
        request: () => signedTwilioRequest("/api/twilio/voice-fallback", { CallSid: callSid(), ErrorCode: "11200" }),
      },
      {
        name: "204",
        status: 204,
        request: () =>
          signedTwilioRequest("/api/twilio/message-status", {
            MessageSid: `SM${"e".repeat(32)}`,
            MessageStatus: "sent",
          }),
      },
      {
        name: "a query the URL parser rewrites, signed as parsed",
        status: 200,
        target: quotedQuery,
        request: () =>
          signedTwilioRequest(quotedQuery, voiceCall(), {
            signedUrl: new URL(`${env().publicBaseUrl}${quotedQuery}`).href,
          }),
      },
      {
        name: "a query the URL parser rewrites, signed as typed",
        status: 403,
        target: quotedQuery,
        request: () => signedTwilioRequest(quotedQuery, voiceCall()),
      },
      {
        name: "bad signature",
        status: 403,
        request: () => signedTwilioRequest("/api/twilio/voice", voiceCall(), { signature: "bm90LXRoZS1zaWduYXR1cmU=" }),
      },
      {
        name: "no signature",
        status: 403,
        request: () => signedTwilioRequest("/api/twilio/voice", voiceCall(), { signature: null }),
      },
      {
        name: "over-size body",
        status: 413,
        request: async () => {
          const signed = await signedTwilioRequest("/api/twilio/sms", oversize);
          const length = String(new URLSearchParams(oversize).toString().length);
          return new Request(signed, { headers: { ...Object.fromEntries(signed.headers), "content-length": length } });
        },
      },
    ];
    for (const { name, status, request, target } of cases) {
      const signed = await request();
      const { pathname, search } = new URL(signed.url);
      const direct = await directAnswer(signed.clone(), target ?? `${pathname}${search}`);
      const route = await routeAnswer(signed);
      expect(route.status, name).toBe(status);
      expect(direct.status, name).toBe(route.status);
      expect(direct.body, name).toBe(route.body);
      expect(direct.headers["content-type"], name).toBe(route.headers["content-type"]);
      expect(direct.headers["cache-control"], name).toBe(route.headers["cache-control"]);
      expect(direct.headers["content-length"], name).toBe(
        status === 204 ? undefined : String(Buffer.byteLength(route.body)),
      );
    }
  });

  it("anything else is left to Next.js: other methods, other paths, a path that only starts like a webhook", async () => {
    for (const [method, path] of [
      ["GET", "/api/twilio/voice"],
      ["POST", "/api/threads"],
      ["POST", "/api/twilio/voice/extra"],
      ["POST", "/api/twilio/toString"],
    ] as const) {
      const response = await fetch(`${base}${path}`, { method, body: method === "POST" ? "x=1" : undefined });
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(await response.text()).toBe("left to Next.js");
    }
  });
});
