// The production server's direct path for Twilio's webhooks (serve-direct.ts), over real HTTP: a node:http server
// that hands everything the direct path does not take to a stand-in for Next.js, and signed requests as Twilio sends
// them. What the route files answer, this path answers the same way, with the headers every response carries.
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
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
