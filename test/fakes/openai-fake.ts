// A local OpenAI-compatible server for tests: POST /v1/chat/completions, streamed (SSE chunks in OpenAI's format,
// tool_calls deltas, and the usage chunk only when `stream_options.include_usage` asks for it) or not. Each request
// takes the next scripted reply from a queue. As OpenAI does, it checks `Authorization: Bearer <key>` first: a
// missing or wrong key gets 401 with OpenAI's error body, and takes no reply from the queue.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type FakeToolCall = { name: string; arguments: Record<string, unknown> };
export type FakeReply =
  { text?: string; toolCalls?: FakeToolCall[]; delayMs?: number } | { status: number; error?: string } | { hang: true };

export type OpenAiFake = {
  baseUrl: string;
  /** queue replies, consumed one per request (a tool call round-trip takes two) */
  enqueue(...replies: FakeReply[]): void;
  /** every request body received */
  requests: Array<{
    model: string;
    stream?: boolean;
    stream_options?: { include_usage?: boolean };
    messages: Array<{ role: string; content: unknown }>;
    tools?: unknown[];
  }>;
  /** requests refused for their API key (401), with the Authorization header they carried */
  unauthorized: Array<{ authorization: string | undefined }>;
  close(): Promise<void>;
};

const defaultReply: FakeReply = { text: "Thanks! What's the address where you need the work done?" };

function chunk(id: string, model: string, delta: Record<string, unknown>, finishReason: string | null = null) {
  return `data: ${JSON.stringify({ id, object: "chat.completion.chunk", created: Math.floor(Date.now() / 1000), model, choices: [{ index: 0, delta, finish_reason: finishReason }] })}\n\n`;
}

/** OpenAI's 401 body: a missing key, or a wrong one (shown masked, as OpenAI shows it). */
function authenticationError(authorization: string | undefined) {
  const key = /^Bearer (.+)$/.exec(authorization ?? "")?.[1];
  if (!key) {
    return {
      message:
        "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if you're accessing the API from your browser and are prompted for a username. You can obtain an API key from https://platform.openai.com/account/api-keys.",
      type: "invalid_request_error",
      param: null,
      code: null,
    };
  }
  const masked = `${key.slice(0, 3)}${"*".repeat(Math.max(key.length - 7, 0))}${key.slice(-4)}`;
  return {
    message: `Incorrect API key provided: ${masked}. You can find your API key at https://platform.openai.com/account/api-keys.`,
    type: "invalid_request_error",
    param: null,
    code: "invalid_api_key",
  };
}

/** `apiKey`: the one key this fake accepts (the tests' OPENAI_API_KEY). */
export async function startOpenAiFake({ apiKey = "sk-test" }: { apiKey?: string } = {}): Promise<OpenAiFake> {
  const queue: FakeReply[] = [];
  const requests: OpenAiFake["requests"] = [];
  const unauthorized: OpenAiFake["unauthorized"] = [];
  const sockets = new Set<import("node:net").Socket>();
  const server = http.createServer((request, response) => {
    let raw = "";
    request.on("data", (data) => (raw += data));
    request.on("end", async () => {
      if (request.method !== "POST" || !request.url?.endsWith("/chat/completions")) {
        response.writeHead(404).end();
        return;
      }
      const authorization = request.headers.authorization;
      if (authorization !== `Bearer ${apiKey}`) {
        unauthorized.push({ authorization });
        response.writeHead(401, { "content-type": "application/json" });
        response.end(JSON.stringify({ error: authenticationError(authorization) }));
        return;
      }
      const body = JSON.parse(raw) as OpenAiFake["requests"][number];
      requests.push(body);
      const reply = queue.shift() ?? defaultReply;
      if ("hang" in reply) return; // never answers: the client's timeout must fire
      if ("status" in reply) {
        response.writeHead(reply.status, { "content-type": "application/json" });
        response.end(JSON.stringify({ error: { message: reply.error ?? "fake failure", type: "server_error" } }));
        return;
      }
      if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
      const id = `chatcmpl-${requests.length}`;
      const toolCalls = (reply.toolCalls ?? []).map((call, index) => ({
        index,
        id: `call_${requests.length}_${index}`,
        type: "function",
        function: { name: call.name, arguments: JSON.stringify(call.arguments) },
      }));
      const finishReason = toolCalls.length > 0 ? "tool_calls" : "stop";
      const usage = { prompt_tokens: 120, completion_tokens: 30, total_tokens: 150 };
      if (!body.stream) {
        response.writeHead(200, { "content-type": "application/json" });
        response.end(
          JSON.stringify({
            id,
            object: "chat.completion",
            created: Math.floor(Date.now() / 1000),
            model: body.model,
            choices: [
              {
                index: 0,
                message: {
                  role: "assistant",
                  content: reply.text ?? null,
                  ...(toolCalls.length ? { tool_calls: toolCalls.map(({ index: _index, ...call }) => call) } : {}),
                },
                finish_reason: finishReason,
              },
            ],
            usage,
          }),
        );
        return;
      }
      response.writeHead(200, {
        "content-type": "text/event-stream",
        "cache-control": "no-cache",
        connection: "keep-alive",
      });
      response.write(chunk(id, body.model, { role: "assistant", content: "" }));
      const words = (reply.text ?? "").match(/\S+\s*/g) ?? [];
      for (const word of words) response.write(chunk(id, body.model, { content: word }));
      for (const call of toolCalls) {
        const args = call.function.arguments;
        response.write(
          chunk(id, body.model, { tool_calls: [{ ...call, function: { name: call.function.name, arguments: "" } }] }),
        );
        const half = Math.ceil(args.length / 2);
        for (const piece of [args.slice(0, half), args.slice(half)]) {
          response.write(
            chunk(id, body.model, { tool_calls: [{ index: call.index, function: { arguments: piece } }] }),
          );
        }
      }
      response.write(chunk(id, body.model, {}, finishReason));
      if (body.stream_options?.include_usage) {
        // Only when asked: the last chunk before [DONE], with empty choices and the request's usage.
        response.write(
          `data: ${JSON.stringify({ id, object: "chat.completion.chunk", created: 0, model: body.model, choices: [], usage })}\n\n`,
        );
      }
      response.end("data: [DONE]\n\n");
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    enqueue: (...replies) => queue.push(...replies),
    requests,
    unauthorized,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
