// A local push service for tests: accepts web push POSTs at any path, records what arrived (TTL, Urgency, size),
// and answers what the test scripted per path (e.g. 410 Gone, or 500 then 201).
import { createECDH, randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export type RecordedPush = {
  path: string;
  ttl: string | undefined;
  urgency: string | undefined;
  encoding: string | undefined;
  bytes: number;
  hasVapid: boolean;
};

export async function startPushFake() {
  const requests: RecordedPush[] = [];
  const scripted = new Map<string, number[]>();
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const path = request.url ?? "/";
      requests.push({
        path,
        ttl: request.headers.ttl as string | undefined,
        urgency: request.headers.urgency as string | undefined,
        encoding: request.headers["content-encoding"] as string | undefined,
        bytes: Buffer.concat(chunks).length,
        hasVapid: String(request.headers.authorization ?? "").startsWith("vapid t="),
      });
      const queue = scripted.get(path);
      const status = queue && queue.length > 1 ? queue.shift()! : (queue?.[0] ?? 201);
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    requests,
    /** answers for `path`, in order; the last one repeats */
    respond(path: string, ...statuses: number[]) {
      scripted.set(path, statuses);
    },
    /** a subscription as a browser would send it, with real P-256 keys so web-push can encrypt for it */
    subscription(path: string) {
      const ecdh = createECDH("prime256v1");
      ecdh.generateKeys();
      return {
        endpoint: `${baseUrl}${path}`,
        keys: { p256dh: ecdh.getPublicKey().toString("base64url"), auth: randomBytes(16).toString("base64url") },
      };
    },
    requestsFor(path: string) {
      return requests.filter((request) => request.path === path);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type PushFake = Awaited<ReturnType<typeof startPushFake>>;
