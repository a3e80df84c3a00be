// A local HTTP server standing in for a CRM: records every request, and can answer 500 for the first N of them.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedWebhook = { headers: IncomingHttpHeaders; body: string; status: number };

export async function startWebhookReceiver({
  failFirst = 0,
  failStatus = 500,
}: { failFirst?: number; failStatus?: number } = {}) {
  const received: ReceivedWebhook[] = [];
  let remainingFailures = failFirst;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const status = remainingFailures > 0 ? failStatus : 200;
      if (remainingFailures > 0) remainingFailures -= 1;
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8"), status });
      response.writeHead(status, { "content-type": "text/plain" }).end(status === 200 ? "ok" : "nope");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/ringback`,
    received,
    failNext(count: number) {
      remainingFailures = count;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
