// A local push service for tests: accepts web push POSTs at any path, records what arrived (TTL, Urgency, size),
// and answers what the test scripted per path (e.g. 410 Gone, or 500 then 201). It holds the subscriptions' private
// keys, so it also decrypts each message (aes128gcm, as the browser does) and records the JSON the device would see.
import { createECDH, randomBytes, type ECDH } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import ece from "http_ece";

export type RecordedPush = {
  path: string;
  ttl: string | undefined;
  urgency: string | undefined;
  encoding: string | undefined;
  bytes: number;
  hasVapid: boolean;
  /** the decrypted payload, parsed (null when the path has no subscription from this fake or it does not decrypt) */
  payload: Record<string, unknown> | null;
};

export async function startPushFake() {
  const requests: RecordedPush[] = [];
  const scripted = new Map<string, number[]>();
  const keysByPath = new Map<string, { privateKey: ECDH; authSecret: Buffer }>();
  const decrypt = (path: string, body: Buffer): Record<string, unknown> | null => {
    const keys = keysByPath.get(path);
    if (!keys) return null;
    try {
      return JSON.parse(ece.decrypt(body, { version: "aes128gcm", ...keys }).toString("utf8")) as Record<
        string,
        unknown
      >;
    } catch {
      return null;
    }
  };
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
        payload: decrypt(path, Buffer.concat(chunks)),
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
      const authSecret = randomBytes(16);
      keysByPath.set(path, { privateKey: ecdh, authSecret });
      return {
        endpoint: `${baseUrl}${path}`,
        keys: { p256dh: ecdh.getPublicKey().toString("base64url"), auth: authSecret.toString("base64url") },
      };
    },
    requestsFor(path: string) {
      return requests.filter((request) => request.path === path);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type PushFake = Awaited<ReturnType<typeof startPushFake>>;
