// Reads a Twilio webhook: the form body, checked against X-Twilio-Signature. Anything unsigned, mis-signed or
// unverifiable (no token outside simulator mode) is refused before a single row is written.
import { db } from "@/lib/db/client";
import { logger } from "@/lib/log";
import { isValidTwilioSignature, signedUrlFor, type TwilioParams } from "@/lib/telephony/verify-signature";
import { getWebhookAuthToken } from "@/lib/telephony/webhook-auth-token";

const MAX_FORM_BYTES = 64 * 1024;

/** `query` holds the (signed) query-string parameters of the callback URL we handed Twilio. */
export type TwilioRequest = { params: TwilioParams; query: TwilioParams; path: string };

async function readForm(request: Request): Promise<TwilioParams | null> {
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_FORM_BYTES) return null;
  const params: TwilioParams = {};
  for (const [key, value] of new URLSearchParams(text)) params[key] = value;
  return params;
}

async function recordSignatureFailure(path: string, reason: string) {
  logger.warn({ path, reason }, "twilio webhook refused: bad signature");
  await db.healthEvent
    .create({ data: { kind: "signature_failure", detail: { path, reason } } })
    .catch((error: unknown) => logger.error({ err: error }, "could not record signature failure"));
}

/** The verified parameters, or null (the caller answers 403). */
export async function readTwilioRequest(request: Request): Promise<TwilioRequest | null> {
  // Only the path and query come from the request; scheme, host and port come from PUBLIC_BASE_URL.
  const { pathname, search } = new URL(request.url);
  const pathWithQuery = `${pathname}${search}`;
  const authToken = await getWebhookAuthToken();
  if (!authToken) {
    await recordSignatureFailure(pathname, "no_auth_token");
    return null;
  }
  const params = await readForm(request);
  if (!params) {
    await recordSignatureFailure(pathname, "unreadable_body");
    return null;
  }
  const signature = request.headers.get("x-twilio-signature");
  if (!isValidTwilioSignature({ authToken, signature, url: signedUrlFor(pathWithQuery), params })) {
    await recordSignatureFailure(pathname, signature ? "mismatch" : "missing");
    return null;
  }
  const query: TwilioParams = {};
  for (const [key, value] of new URLSearchParams(search)) query[key] = value;
  return { params, query, path: pathname };
}
