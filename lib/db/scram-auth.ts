// The server half of SCRAM-SHA-256 (RFC 5802/7677, as PostgreSQL speaks it) for the embedded database's wire server:
// a client proves it knows the per-boot password without sending it, and the server proves the same back. node-pg
// (Prisma's adapter, pg-boss) and psql speak it out of the box.
import { createHash, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from "node:crypto";

export const SCRAM_MECHANISM = "SCRAM-SHA-256";
const ITERATIONS = 4096;

const hmac = (key: Buffer, text: string) => createHmac("sha256", key).update(text).digest();
const sha256 = (data: Buffer) => createHash("sha256").update(data).digest();

/** The stored form of the password (computed once per boot), and one exchange per connection. */
export class ScramCredentials {
  private readonly salt = randomBytes(16);
  private readonly storedKey: Buffer;
  private readonly serverKey: Buffer;

  constructor(password: string) {
    const saltedPassword = pbkdf2Sync(password, this.salt, ITERATIONS, 32, "sha256");
    this.storedKey = sha256(hmac(saltedPassword, "Client Key"));
    this.serverKey = hmac(saltedPassword, "Server Key");
  }

  startExchange(): ScramExchange {
    return new ScramExchange(this.salt, this.storedKey, this.serverKey);
  }
}

function attributes(message: string): Map<string, string> {
  const result = new Map<string, string>();
  for (const part of message.split(",")) {
    const index = part.indexOf("=");
    if (index === 1) result.set(part[0]!, part.slice(2));
  }
  return result;
}

export class ScramExchange {
  private clientFirstBare = "";
  private serverFirst = "";
  private nonce = "";

  constructor(
    private readonly salt: Buffer,
    private readonly storedKey: Buffer,
    private readonly serverKey: Buffer,
  ) {}

  /** client-first-message ("n,,n=…,r=<client nonce>") → server-first-message, or null when malformed. */
  first(clientFirst: string): string | null {
    // No channel binding (the socket is plain loopback TCP): the GS2 header must be "n,,".
    if (!clientFirst.startsWith("n,,")) return null;
    this.clientFirstBare = clientFirst.slice(3);
    const clientNonce = attributes(this.clientFirstBare).get("r");
    if (!clientNonce) return null;
    this.nonce = clientNonce + randomBytes(18).toString("base64");
    this.serverFirst = `r=${this.nonce},s=${this.salt.toString("base64")},i=${ITERATIONS}`;
    return this.serverFirst;
  }

  /** client-final-message → server-final-message ("v=<signature>"), or null when the proof is wrong. */
  final(clientFinal: string): string | null {
    const proofIndex = clientFinal.lastIndexOf(",p=");
    if (proofIndex < 0 || !this.serverFirst) return null;
    const withoutProof = clientFinal.slice(0, proofIndex);
    const values = attributes(withoutProof);
    if (values.get("r") !== this.nonce || values.get("c") !== "biws") return null;
    const proof = Buffer.from(clientFinal.slice(proofIndex + 3), "base64");
    const authMessage = `${this.clientFirstBare},${this.serverFirst},${withoutProof}`;
    const clientSignature = hmac(this.storedKey, authMessage);
    if (proof.length !== clientSignature.length) return null;
    const clientKey = Buffer.from(proof.map((byte, index) => byte ^ clientSignature[index]!));
    if (!timingSafeEqual(sha256(clientKey), this.storedKey)) return null;
    return `v=${hmac(this.serverKey, authMessage).toString("base64")}`;
  }
}
