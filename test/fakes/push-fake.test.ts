// The push fake is as strict as a push service and a phone: VAPID checked (signature against k=, audience, expiry
// within 24 hours, a contact), a bad one refused with 401; the aes128gcm payload decrypted with the device's keys.
import { createPrivateKey, sign } from "node:crypto";
import webpush from "web-push";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPushFake, type PushFake } from "@/test/fakes/push-fake";

let fake: PushFake;
beforeAll(async () => {
  fake = await startPushFake();
});
afterAll(() => fake.close());

/** An aes128gcm body for a subscription, as web-push encrypts it. */
const encryptWebPush = (text: string, keys: { p256dh: string; auth: string }) =>
  webpush.encrypt(keys.p256dh, keys.auth, text, "aes128gcm").cipherText;

const vapidKeys = webpush.generateVAPIDKeys();
const otherKeys = webpush.generateVAPIDKeys();

/** An ES256 JWT signed with `keys.privateKey`, with these claims. */
function vapidJwt(claims: Record<string, unknown>, keys = vapidKeys) {
  const point = Buffer.from(keys.publicKey, "base64url");
  const key = createPrivateKey({
    key: {
      kty: "EC",
      crv: "P-256",
      x: point.subarray(1, 33).toString("base64url"),
      y: point.subarray(33).toString("base64url"),
      d: keys.privateKey,
    },
    format: "jwk",
  });
  const header = Buffer.from(JSON.stringify({ typ: "JWT", alg: "ES256" })).toString("base64url");
  const body = Buffer.from(JSON.stringify(claims)).toString("base64url");
  const signature = sign("sha256", Buffer.from(`${header}.${body}`), { key, dsaEncoding: "ieee-p1363" });
  return `${header}.${body}.${signature.toString("base64url")}`;
}

async function push(path: string, headers: Record<string, string>, body: Buffer) {
  const response = await fetch(`${fake.baseUrl}${path}`, {
    method: "POST",
    headers: {
      ttl: "60",
      "content-encoding": "aes128gcm",
      ...Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value])),
    },
    body: new Uint8Array(body),
  });
  return { status: response.status, recorded: fake.requestsFor(path).at(-1)! };
}

describe("push fake", () => {
  it("a push as web-push sends it: VAPID valid, the payload decrypted to the JSON the phone reads", async () => {
    const device = fake.subscription("/device/ok");
    const details = webpush.generateRequestDetails(device, JSON.stringify({ title: "Dana — missed call" }), {
      TTL: 60,
      vapidDetails: { subject: "mailto:owner@example.com", ...vapidKeys },
      contentEncoding: "aes128gcm",
    });
    const { status, recorded } = await push("/device/ok", details.headers as Record<string, string>, details.body);
    expect(status).toBe(201);
    expect(recorded).toMatchObject({ hasVapid: true, payload: { title: "Dana — missed call" }, decryptError: null });
    expect(recorded.vapid).toMatchObject({
      isValid: true,
      claims: { aud: fake.baseUrl, sub: "mailto:owner@example.com" },
    });
  });

  it("refuses (401) a missing token, another key's signature, a wrong audience, an expired or too long one", async () => {
    const device = fake.subscription("/device/strict");
    const body = encryptWebPush("{}", device.keys);
    const now = Math.floor(Date.now() / 1000);
    const good = { aud: fake.baseUrl, exp: now + 3600, sub: "mailto:owner@example.com" };
    const cases: [string, Record<string, string>, RegExp][] = [
      ["missing", {}, /no vapid/],
      ["other key", { authorization: `vapid t=${vapidJwt(good, otherKeys)}, k=${vapidKeys.publicKey}` }, /signature/],
      [
        "audience",
        { authorization: `vapid t=${vapidJwt({ ...good, aud: "https://push.example" })}, k=${vapidKeys.publicKey}` },
        /aud/,
      ],
      [
        "expired",
        { authorization: `vapid t=${vapidJwt({ ...good, exp: now - 1 })}, k=${vapidKeys.publicKey}` },
        /future/,
      ],
      [
        "over a day",
        { authorization: `vapid t=${vapidJwt({ ...good, exp: now + 25 * 3600 })}, k=${vapidKeys.publicKey}` },
        /24 hours/,
      ],
    ];
    for (const [name, headers, reason] of cases) {
      const { status, recorded } = await push("/device/strict", headers, body);
      expect({ name, status }).toEqual({ name, status: 401 });
      expect(recorded.vapid).toMatchObject({ isValid: false, reason: expect.stringMatching(reason) });
    }
    const { status, recorded } = await push(
      "/device/strict",
      { authorization: `vapid t=${vapidJwt(good)}, k=${vapidKeys.publicKey}` },
      body,
    );
    expect(status).toBe(201);
    expect(recorded.payload).toEqual({});
  });

  it("a payload encrypted for other keys cannot be read: recorded as a decryption failure", async () => {
    fake.subscription("/device/mine");
    const stranger = fake.subscription("/device/stranger");
    const now = Math.floor(Date.now() / 1000);
    const authorization = `vapid t=${vapidJwt({ aud: fake.baseUrl, exp: now + 60, sub: "mailto:a@example.com" })}, k=${vapidKeys.publicKey}`;
    const { recorded } = await push("/device/mine", { authorization }, encryptWebPush('{"x":1}', stranger.keys));
    expect(recorded.text).toBeNull();
    expect(recorded.decryptError).toBeTruthy();
  });
});
