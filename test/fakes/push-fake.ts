// A local push service for tests, as strict as a real one and as a phone: it accepts web push POSTs at any path,
// checks the VAPID authorization (RFC 8292: `Authorization: vapid t=<JWT>, k=<public key>`, an ES256 JWT whose `aud`
// is the endpoint's origin, whose `exp` is in the future and at most 24 hours away, with a `sub`), refusing a bad
// one with 401, and decrypts the aes128gcm payload (RFC 8291, RFC 8188) with the subscription's private keys, so a
// test reads the JSON the phone would read. It records what arrived (TTL, Urgency, size) and answers what the test
// scripted per path (e.g. 410 Gone, or 500 then 201). Decryption is http_ece's (the encrypted content-encoding by
// web-push's authors); the VAPID check is node:crypto's ECDSA.
import { createECDH, createPublicKey, randomBytes, verify, type ECDH } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import ece from "http_ece";

export type VapidCheck = { isValid: true; claims: Record<string, unknown> } | { isValid: false; reason: string };

export type RecordedPush = {
  path: string;
  ttl: string | undefined;
  urgency: string | undefined;
  encoding: string | undefined;
  bytes: number;
  /** the VAPID authorization passed every check (signature, audience, expiry) */
  hasVapid: boolean;
  vapid: VapidCheck;
  /** the plaintext the phone would read (null when the path has no keys here, or decryption failed) */
  text: string | null;
  /** the plaintext parsed as JSON (null when it was not decrypted or is not JSON) */
  payload: Record<string, unknown> | null;
  decryptError: string | null;
  /** what the fake answered */
  status: number;
};

const MAX_VAPID_LIFETIME_S = 24 * 60 * 60;

/** Checks `Authorization: vapid t=…, k=…` for a push to `origin` (RFC 8292). */
export function checkVapid(authorization: string | undefined, origin: string, now = Date.now()): VapidCheck {
  const match = /^vapid\s+(.+)$/i.exec(authorization ?? "");
  if (!match) return { isValid: false, reason: "no vapid authorization" };
  const params = new Map(
    match[1]!.split(",").map((part) => {
      const [name, ...value] = part.trim().split("=");
      return [name!.trim(), value.join("=").trim()] as const;
    }),
  );
  const token = params.get("t");
  const key = params.get("k");
  if (!token || !key) return { isValid: false, reason: "t= and k= are both required" };
  const [header64, claims64, signature64] = token.split(".");
  if (!header64 || !claims64 || !signature64) return { isValid: false, reason: "not a JWT" };
  let header: { alg?: string; typ?: string };
  let claims: { aud?: unknown; exp?: unknown; sub?: unknown };
  try {
    header = JSON.parse(Buffer.from(header64, "base64url").toString("utf8"));
    claims = JSON.parse(Buffer.from(claims64, "base64url").toString("utf8"));
  } catch {
    return { isValid: false, reason: "the JWT is not JSON" };
  }
  if (header.alg !== "ES256") return { isValid: false, reason: `alg ${String(header.alg)} is not ES256` };
  const point = Buffer.from(key, "base64url");
  if (point.length !== 65 || point[0] !== 0x04)
    return { isValid: false, reason: "k= is not an uncompressed P-256 key" };
  let publicKey;
  try {
    publicKey = createPublicKey({
      key: {
        kty: "EC",
        crv: "P-256",
        x: point.subarray(1, 33).toString("base64url"),
        y: point.subarray(33).toString("base64url"),
      },
      format: "jwk",
    });
  } catch {
    return { isValid: false, reason: "k= is not a point on P-256" };
  }
  const isSigned = verify(
    "sha256",
    Buffer.from(`${header64}.${claims64}`),
    { key: publicKey, dsaEncoding: "ieee-p1363" },
    Buffer.from(signature64, "base64url"),
  );
  if (!isSigned) return { isValid: false, reason: "the signature does not verify against k=" };
  if (claims.aud !== origin) return { isValid: false, reason: `aud ${String(claims.aud)} is not ${origin}` };
  const nowS = Math.floor(now / 1000);
  if (typeof claims.exp !== "number" || claims.exp <= nowS)
    return { isValid: false, reason: "exp is not in the future" };
  if (claims.exp > nowS + MAX_VAPID_LIFETIME_S) return { isValid: false, reason: "exp is more than 24 hours away" };
  if (typeof claims.sub !== "string" || !/^(mailto:|https:)/.test(claims.sub)) {
    return { isValid: false, reason: "sub is not a mailto: or https: contact" };
  }
  return { isValid: true, claims: claims as Record<string, unknown> };
}

type DeviceKeys = { privateKey: ECDH; authSecret: Buffer };

/** Decrypts an aes128gcm web push body (RFC 8291) as the device holding `keys` would. */
export function decryptWebPush(body: Buffer, keys: DeviceKeys): string {
  return ece.decrypt(body, { version: "aes128gcm", ...keys }).toString("utf8");
}

export async function startPushFake() {
  const requests: RecordedPush[] = [];
  const scripted = new Map<string, number[]>();
  const devices = new Map<string, DeviceKeys>();
  let origin = "";
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const path = request.url ?? "/";
      const body = Buffer.concat(chunks);
      const vapid = checkVapid(request.headers.authorization, origin);
      let text: string | null = null;
      let payload: Record<string, unknown> | null = null;
      let decryptError: string | null = null;
      const keys = devices.get(path);
      if (keys && request.headers["content-encoding"] === "aes128gcm") {
        try {
          text = decryptWebPush(body, keys);
          try {
            payload = JSON.parse(text) as Record<string, unknown>;
          } catch {
            payload = null;
          }
        } catch (error) {
          decryptError = error instanceof Error ? error.message : String(error);
        }
      } else if (keys) {
        decryptError = `content-encoding ${String(request.headers["content-encoding"])} is not aes128gcm`;
      }
      let status: number;
      if (!vapid.isValid) {
        status = 401; // RFC 8292: a push service refuses a request without valid VAPID authentication
      } else {
        const queue = scripted.get(path);
        status = queue && queue.length > 1 ? queue.shift()! : (queue?.[0] ?? 201);
      }
      requests.push({
        path,
        ttl: request.headers.ttl as string | undefined,
        urgency: request.headers.urgency as string | undefined,
        encoding: request.headers["content-encoding"] as string | undefined,
        bytes: body.length,
        hasVapid: vapid.isValid,
        vapid,
        text,
        payload,
        decryptError,
        status,
      });
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  origin = baseUrl;
  return {
    baseUrl,
    requests,
    /** answers for `path`, in order; the last one repeats (after the VAPID check passed) */
    respond(path: string, ...statuses: number[]) {
      scripted.set(path, statuses);
    },
    /** a subscription as a browser would send it, with real P-256 keys the fake keeps to decrypt what arrives */
    subscription(path: string) {
      const privateKey = createECDH("prime256v1");
      privateKey.generateKeys();
      const authSecret = randomBytes(16);
      devices.set(path, { privateKey, authSecret });
      return {
        endpoint: `${baseUrl}${path}`,
        keys: { p256dh: privateKey.getPublicKey().toString("base64url"), auth: authSecret.toString("base64url") },
      };
    },
    requestsFor(path: string) {
      return requests.filter((request) => request.path === path);
    },
    /** the decrypted JSON payloads that reached `path`, in order (what the phone read) */
    payloadsFor(path: string) {
      return requests.filter((request) => request.path === path).map((request) => request.payload);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type PushFake = Awaited<ReturnType<typeof startPushFake>>;
