// Body caps: refused on Content-Length before a byte is read, and a chunked body (no Content-Length) read only up to
// the cap. Per route (JSON API 64 KB, Twilio forms 64 KB, next-auth 8 KB) through the real handlers, and at the
// server's edge (1 MB, lib/http/limit-request-body.ts as scripts/serve.ts installs it) over a real socket.
import { createServer, type IncomingMessage } from "node:http";
import net, { type AddressInfo } from "node:net";
import { NextRequest } from "next/server";
import { afterAll, describe, expect, it } from "vitest";
import { POST as authPost } from "@/app/api/auth/[...nextauth]/route";
import { PATCH as patchBusiness } from "@/app/api/business/route";
import { POST as sms } from "@/app/api/twilio/sms/route";
import { db } from "@/lib/db/client";
import { EDGE_MAX_BODY_BYTES, limitRequestBody } from "@/lib/http/limit-request-body";
import { MAX_AUTH_BYTES, MAX_JSON_BYTES, MAX_TWILIO_FORM_BYTES } from "@/lib/http/read-body";
import { createTestBusiness, sessionCookie } from "@/test/helpers/business";
import { waitFor } from "@/test/helpers/wait";
import { withRequestScope } from "@/test/reliability/next-request-scope";

const BASE = "https://ringback.test";
const CHUNK = 1024;

/** A body that counts what the handler pulls: `limit` bytes of "a", in 1 KB chunks. */
function countingBody(limit: number) {
  const state = { pulled: 0, isCancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (state.pulled >= limit) return controller.close();
        state.pulled += CHUNK;
        controller.enqueue(new Uint8Array(CHUNK).fill(97));
      },
      cancel() {
        state.isCancelled = true;
      },
    },
    { highWaterMark: 0 },
  ); // nothing is pulled until someone reads
  return { stream, state };
}

type Route = { name: string; cap: number; call: (request: Request) => Promise<Response>; headers: HeadersInit };

async function routes(): Promise<Route[]> {
  const owner = await createTestBusiness();
  const cookie = await sessionCookie({ userId: owner.user.id, businessId: owner.business.id });
  const auth = { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) };
  return [
    {
      name: "PATCH /api/business (JSON API)",
      cap: MAX_JSON_BYTES,
      call: (request) => patchBusiness(request, {} as never),
      headers: { cookie, "content-type": "application/json" },
    },
    {
      name: "POST /api/twilio/sms (Twilio form, unsigned)",
      cap: MAX_TWILIO_FORM_BYTES,
      call: (request) => sms(request),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    },
    {
      name: "POST /api/auth/callback/credentials (next-auth)",
      cap: MAX_AUTH_BYTES,
      call: (request) => withRequestScope(request, (next) => authPost(next, auth)),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    },
  ];
}

// A NextRequest from the start, as Next hands it to a route (re-wrapping a Request would pull its first chunk).
function request(url: string, headers: HeadersInit, body: ReadableStream<Uint8Array>) {
  return new NextRequest(`${BASE}${url}`, { method: "POST", headers, body, duplex: "half" } as never);
}

describe("per-route caps", () => {
  it("a Content-Length over the cap (300 MB declared) is refused with 413 before a byte is read", async () => {
    for (const route of await routes()) {
      const { stream, state } = countingBody(300 * 1024 * 1024);
      const headers = new Headers(route.headers);
      headers.set("content-length", String(300 * 1024 * 1024));
      const response = await route.call(request("/x", headers, stream));
      expect(response.status, route.name).toBe(413);
      expect(state.pulled, `${route.name} read the body`).toBe(0);
    }
  });

  it("a chunked body (no Content-Length) is read only up to the cap, then cancelled", async () => {
    const signatureFailuresBefore = await db.healthCounter.aggregate({ _sum: { count: true } });
    for (const route of await routes()) {
      const { stream, state } = countingBody(10 * 1024 * 1024);
      const response = await route.call(request("/x", route.headers, stream));
      expect(response.status, route.name).toBe(413);
      expect(state.pulled, `${route.name} read past its cap`).toBeLessThanOrEqual(route.cap + 2 * CHUNK);
      expect(state.isCancelled, route.name).toBe(true);
    }
    // An over-size Twilio post is refused before the signature check: it is not even counted as a bad signature.
    expect((await db.healthCounter.aggregate({ _sum: { count: true } }))._sum.count).toBe(
      signatureFailuresBefore._sum.count,
    );
  });

  it("a body at the cap still goes through (the cap is a limit, not a guess)", async () => {
    const [business] = await routes();
    const body = JSON.stringify({ name: "Capped Plumbing" }).padEnd(MAX_JSON_BYTES, " ");
    const response = await business!.call(
      new Request(`${BASE}/api/business`, { method: "PATCH", headers: business!.headers, body }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ name: "Capped Plumbing" });
  });
});

describe("edge cap (scripts/serve.ts)", () => {
  const received: number[] = [];
  const server = createServer((incoming: IncomingMessage, response) => {
    if (!limitRequestBody(incoming, response, EDGE_MAX_BODY_BYTES)) return;
    let bytes = 0;
    incoming.on("data", (chunk: Buffer) => (bytes += chunk.length));
    incoming.on("end", () => {
      received.push(bytes);
      response.end("ok");
    });
    incoming.on("close", () => received.push(bytes));
  });
  const listening = new Promise<number>((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)),
  );
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  function rawRequest(port: number, head: string) {
    const socket = net.connect(port, "127.0.0.1");
    const chunks: Buffer[] = [];
    let isClosed = false;
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("error", () => undefined);
    socket.on("close", () => (isClosed = true));
    socket.write(head);
    return { socket, answer: () => Buffer.concat(chunks).toString(), isClosed: () => isClosed };
  }

  it("answers 413 at once to a declared 300 MB body, without waiting for it", async () => {
    const port = await listening;
    const client = rawRequest(
      port,
      `POST /api/twilio/sms HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${300 * 1024 * 1024}\r\n\r\n`,
    );
    await waitFor(() => client.answer().includes("\r\n\r\n"));
    expect(client.answer()).toMatch(/^HTTP\/1\.1 413/);
    expect(client.answer()).toContain("payload_too_large");
    client.socket.destroy();
  });

  it("cuts a chunked upload once it passes 1 MB, whoever reads it", async () => {
    const port = await listening;
    received.length = 0;
    const client = rawRequest(
      port,
      "POST /api/anything HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n",
    );
    const chunk = `${(64 * 1024).toString(16)}\r\n${"a".repeat(64 * 1024)}\r\n`;
    for (let sent = 0; sent < 5 * 1024 * 1024 && !client.isClosed(); sent += 64 * 1024) {
      await new Promise<void>((resolve) => client.socket.write(chunk, () => resolve()));
    }
    await waitFor(() => client.isClosed());
    await waitFor(() => received.length > 0);
    expect(Math.max(...received)).toBeLessThanOrEqual(EDGE_MAX_BODY_BYTES);
  });

  it("lets an ordinary body through", async () => {
    const port = await listening;
    received.length = 0;
    const body = "a".repeat(10_000);
    const client = rawRequest(
      port,
      `POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
    );
    await waitFor(() => client.isClosed());
    expect(client.answer()).toMatch(/^HTTP\/1\.1 200/);
    expect(received[0]).toBe(10_000);
  });
});
