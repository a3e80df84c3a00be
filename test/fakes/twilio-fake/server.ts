// The fake's HTTP server: a tiny router over node:http. Each Twilio resource module hands it a list of routes.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type RouteContext = {
  request: IncomingMessage;
  response: ServerResponse;
  url: URL;
  /** the capture groups of the route's pattern, URI-decoded */
  params: string[];
  /** the request body as Twilio reads it: application/x-www-form-urlencoded */
  readForm(): Promise<URLSearchParams>;
};

export type Route = {
  method: "GET" | "POST" | "DELETE";
  pattern: RegExp;
  handle(context: RouteContext): Promise<void> | void;
};

/** Answers every request before routing (authentication); returns true when it already answered. */
export type Guard = (request: IncomingMessage, response: ServerResponse) => boolean;

export function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (data += chunk));
    request.on("end", () => resolve(data));
    request.on("error", reject);
  });
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { "content-type": "application/json", ...headers });
  response.end(JSON.stringify(body));
}

export type FakeServer = { url: string; close(): Promise<void> };

export async function startFakeServer({
  guard,
  routes,
  notFound,
}: {
  guard: Guard;
  routes: Route[];
  notFound: (response: ServerResponse) => void;
}): Promise<FakeServer> {
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    if (guard(request, response)) return;
    const url = new URL(request.url ?? "/", "http://fake.twilio");
    for (const route of routes) {
      if (route.method !== request.method) continue;
      const match = route.pattern.exec(url.pathname);
      if (!match) continue;
      const params = match.slice(1).map((value) => decodeURIComponent(value ?? ""));
      return route.handle({
        request,
        response,
        url,
        params,
        readForm: async () => new URLSearchParams(await readBody(request)),
      });
    }
    notFound(response);
  };
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => sendJson(response, 500, { message: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
