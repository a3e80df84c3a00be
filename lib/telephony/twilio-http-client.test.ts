// The Twilio SDK over our node:http transport (twilio-http-client.ts), against a small local server that plays
// Twilio: what goes on the wire (form and query with repeated keys, Basic credentials, JSON), what the SDK makes of
// the answers (RestException with Twilio's code, the Retry-After of a 429), the deadline on the whole exchange,
// keep-alive, and errors that say what failed without the credentials.
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from "node:http";
import { createServer as createTcpServer, type AddressInfo } from "node:net";
import { inspect } from "node:util";
import twilio from "twilio";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { TWILIO_REQUEST_TIMEOUT_MS } from "@/lib/jobs/recovery-timing";
import { serializeError } from "@/lib/serialize-error";
import { classifySendError } from "@/lib/telephony/send-sms-error";
import { getTwilioClient, withRetryAfter } from "@/lib/telephony/twilio-client";
import { TwilioHttpClient } from "@/lib/telephony/twilio-http-client";

const accountSid = `AC${"7".repeat(32)}`;
const authToken = "transport-test-auth-token-0123";
const basic = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString("base64")}`;
const messagesPath = `/2010-04-01/Accounts/${accountSid}/Messages.json`;

type Received = { method: string; url: string; headers: IncomingHttpHeaders; body: string; socketPort: number };
type Handler = (request: Received, response: ServerResponse) => void;

let server: Server;
let base: string;
let received: Received[] = [];
let answer: Handler = (_request, response) => response.writeHead(404).end();

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const entry = {
        method: request.method ?? "",
        url: request.url ?? "",
        headers: request.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        socketPort: request.socket.remotePort ?? 0,
      };
      received.push(entry);
      answer(entry, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.TWILIO_ACCOUNT_SID = accountSid;
  process.env.TWILIO_AUTH_TOKEN = authToken;
  process.env.TWILIO_API_BASE_URL = base;
  resetEnvForTests();
});

afterEach(() => {
  received = [];
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  delete process.env.TWILIO_ACCOUNT_SID;
  delete process.env.TWILIO_AUTH_TOKEN;
  delete process.env.TWILIO_API_BASE_URL;
  resetEnvForTests();
});

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  response.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
}

/** A Messages.json create answer, as Twilio writes it (the fields the SDK reads back here). */
const createdMessage = (body: string) => ({
  sid: `SM${"1".repeat(32)}`,
  account_sid: accountSid,
  body,
  status: "queued",
});

/** A client of our transport with its own (short) timeout and credentials, pointed at `url`. */
function clientWith({ url, timeoutMs, token = authToken }: { url: string; timeoutMs: number; token?: string }) {
  const client = twilio(accountSid, token, { httpClient: new TwilioHttpClient({ timeoutMs }) });
  client.api.baseUrl = url;
  return client;
}

/** The URL of a port that was just free: a connection to it is refused. */
async function urlWithNobodyListening(): Promise<string> {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
  await new Promise((resolve) => closed.close(resolve));
  return url;
}

const createParams = { to: "+15550100001", from: "+15550100002", body: "Hi" };

describe("what goes on the wire", () => {
  it("sends a create as a form whose arrays repeat their key, with the account's Basic credentials", async () => {
    const text = "Fix the tap & the pipe ✓";
    answer = (_request, response) => sendJson(response, 201, createdMessage(text));
    const mediaUrl = ["https://example.com/a.jpg", "https://example.com/b.jpg"];

    const message = await getTwilioClient().messages.create({ ...createParams, body: text, mediaUrl });

    expect(message.sid).toBe(`SM${"1".repeat(32)}`);
    const [request] = received;
    expect(request?.method).toBe("POST");
    expect(request?.url).toBe(messagesPath);
    expect(request?.headers.authorization).toBe(basic);
    expect(request?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(Number(request?.headers["content-length"])).toBe(Buffer.byteLength(request?.body ?? ""));
    const form = new URLSearchParams(request?.body);
    expect(form.getAll("MediaUrl")).toEqual(mediaUrl);
    expect(form.get("Body")).toBe(text);
    expect(form.get("To")).toBe(createParams.to);
  });

  it("puts params in the query string, arrays as repeated keys", async () => {
    answer = (_request, response) => sendJson(response, 200, { ok: true });

    const response = await getTwilioClient().request({
      method: "get",
      uri: `${base}/v1/Things`,
      params: { Tag: ["red", "blue"], PageSize: 50 },
    });

    expect(received[0]?.url).toBe("/v1/Things?Tag=red&Tag=blue&PageSize=50");
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('{"ok":true}');
  });

  it("sends JSON data as JSON when the SDK says application/json", async () => {
    answer = (_request, response) => sendJson(response, 201, {});

    await getTwilioClient().request({
      method: "post",
      uri: `${base}/v1/Things`,
      headers: { "Content-Type": "application/json" },
      data: { names: ["a", "b"], count: 2 },
    });

    expect(received[0]?.headers["content-type"]).toBe("application/json");
    expect(received[0]?.body).toBe('{"names":["a","b"],"count":2}');
  });

  it("reuses one kept-alive socket for requests one after another", async () => {
    answer = (_request, response) => sendJson(response, 201, createdMessage("Hi"));

    await getTwilioClient().messages.create(createParams);
    await getTwilioClient().messages.create(createParams);

    expect(received).toHaveLength(2);
    expect(received[0]?.headers.connection).toBe("keep-alive");
    expect(received[1]?.socketPort).toBe(received[0]?.socketPort);
  });

  it("speaks TLS to an https: URL", async () => {
    const firstBytes: number[] = [];
    const tls = createTcpServer((socket) =>
      socket.once("data", (data: Buffer) => {
        firstBytes.push(data[0] ?? -1);
        socket.destroy();
      }),
    );
    await new Promise<void>((resolve) => tls.listen(0, "127.0.0.1", resolve));
    const { port } = tls.address() as AddressInfo;
    try {
      const client = clientWith({ url: `https://127.0.0.1:${port}`, timeoutMs: 5_000 });
      const error = await client.messages.create(createParams).catch((caught: unknown) => caught);
      expect(firstBytes).toEqual([0x16]); // a TLS handshake record: the ClientHello
      expect((error as { status?: unknown }).status).toBeUndefined();
    } finally {
      await new Promise((resolve) => tls.close(resolve));
    }
  });
});

describe("what the SDK makes of the answers", () => {
  it("turns a 4xx JSON answer into RestException with Twilio's code, a permanent failure", async () => {
    answer = (_request, response) =>
      sendJson(response, 400, { code: 21211, message: "The 'To' number is not valid.", status: 400 });

    const error = await getTwilioClient()
      .messages.create(createParams)
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(twilio.RestException);
    expect(error).toMatchObject({ status: 400, code: 21211, message: "The 'To' number is not valid." });
    expect(classifySendError(error)).toMatchObject({ kind: "permanent", httpStatus: 400, twilioCode: 21211 });
  });

  it("hands the Retry-After of a 429 to withRetryAfter", async () => {
    answer = (_request, response) =>
      sendJson(response, 429, { code: 20429, message: "Too Many Requests", status: 429 }, { "Retry-After": "7" });

    const outcome = await withRetryAfter(() => getTwilioClient().messages.create(createParams));

    expect(outcome.error).toMatchObject({ status: 429, code: 20429 });
    expect(outcome.retryAfterSeconds).toBe(7);
  });

  it("reads a body split inside a multi-byte character as UTF-8 text", async () => {
    const text = "Préstamo ✓ 😀";
    answer = (_request, response) => {
      const bytes = Buffer.from(JSON.stringify(createdMessage(text)));
      const middleOfEmoji = bytes.indexOf(Buffer.from("😀")) + 2;
      response.writeHead(201, { "content-type": "application/json" });
      response.write(bytes.subarray(0, middleOfEmoji));
      setTimeout(() => response.end(bytes.subarray(middleOfEmoji)), 20);
    };

    const message = await getTwilioClient().messages.create({ ...createParams, body: text });

    expect(message.body).toBe(text);
  });
});

describe("no answer", () => {
  it("gives the process client the Twilio request timeout", () => {
    expect(getTwilioClient().httpClient.defaultTimeout).toBe(TWILIO_REQUEST_TIMEOUT_MS);
  });

  it("fails a request that gets no answer within the timeout, without a status: a retry", async () => {
    answer = () => undefined; // holds the request
    const client = clientWith({ url: base, timeoutMs: 300 });
    const startedAt = Date.now();

    const error = await client.messages.create(createParams).catch((caught: unknown) => caught);

    expect(Date.now() - startedAt).toBeLessThan(3_000);
    expect(error).toMatchObject({ name: "TwilioTransportError", code: "ETIMEDOUT" });
    expect((error as { status?: unknown }).status).toBeUndefined();
    expect((error as Error).message).toBe(`POST ${base}${messagesPath}: no answer within 0.3 s`);
    expect(classifySendError(error)).toMatchObject({ kind: "retry", httpStatus: undefined });
  });

  it("fails an answer whose body stalls: the timeout covers the whole exchange", async () => {
    answer = (_request, response) => {
      response.writeHead(201, { "content-type": "application/json", "content-length": "1000" });
      response.write('{"sid":"SM');
    };
    const client = clientWith({ url: base, timeoutMs: 300 });

    const error = await client.messages.create(createParams).catch((caught: unknown) => caught);

    expect(error).toMatchObject({ name: "TwilioTransportError", code: "ETIMEDOUT" });
    expect((error as { status?: unknown }).status).toBeUndefined();
  });

  it("says what failed and why, and nowhere the credentials", async () => {
    const closedUrl = await urlWithNobodyListening();
    // A token the serializer does not know (not in process.env), so it cannot be what hides it.
    const token = "unknown-to-the-serializer-token-4567";
    const client = clientWith({ url: closedUrl, timeoutMs: 5_000, token });

    const error = await client.messages.create(createParams).catch((caught: unknown) => caught);

    expect(error).toMatchObject({ name: "TwilioTransportError", code: "ECONNREFUSED" });
    expect((error as Error).message).toContain(`POST ${closedUrl}${messagesPath}: connect ECONNREFUSED`);
    const safe = serializeError(error);
    expect(safe).toMatchObject({ type: "TwilioTransportError", code: "ECONNREFUSED" });
    expect(safe.status).toBeUndefined();
    const tokenBasic = Buffer.from(`${accountSid}:${token}`).toString("base64");
    for (const text of [inspect(error, { depth: 10, showHidden: true }), JSON.stringify(safe)]) {
      expect(text).toContain("ECONNREFUSED");
      expect(text).not.toContain(token);
      expect(text).not.toContain(tokenBasic);
      expect(text).not.toMatch(/authorization/i);
    }
  });

  it("names a Lookup's number masked, and leaves the query out", async () => {
    const closedUrl = await urlWithNobodyListening();
    const client = clientWith({ url: base, timeoutMs: 5_000 });
    client.lookups.baseUrl = closedUrl;
    const phone = "+15550104477";

    const error = await client.lookups.v2
      .phoneNumbers(phone)
      .fetch({ fields: "line_type_intelligence" })
      .catch((caught: unknown) => caught);

    const { host } = new URL(closedUrl);
    expect((error as Error).message).toBe(
      `GET ${closedUrl}/v2/PhoneNumbers/+1555•••4477: connect ECONNREFUSED ${host}`,
    );
  });
});
