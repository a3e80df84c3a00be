// Reads a Twilio webhook: the form body, checked against X-Twilio-Signature. Anything unsigned, mis-signed or
// unverifiable (no token outside simulator mode) is refused before a single row is written. It reads the plain input
// (lib/telephony/plain-webhook.ts) that Next.js's route handlers and the server's direct path both hand over.
import { cleanText } from "@/lib/http/clean-text";
import { recordHealthEvent } from "@/lib/health/record-health-event";
import { payloadTooLarge } from "@/lib/http/read-body";
import { logger } from "@/lib/log";
import type { TwilioWebhookInput } from "@/lib/telephony/plain-webhook";
import { isValidTwilioSignature, signedUrlFor, type TwilioParams } from "@/lib/telephony/verify-signature";
import { getWebhookAuthToken } from "@/lib/telephony/webhook-auth-token";

/**
 * `query` holds the (signed) query-string parameters of the callback URL we handed Twilio. Values are cleaned
 * (control characters dropped, lone surrogates replaced: see clean-text.ts) after the signature was checked on the
 * raw ones; a key sent twice keeps both values as an array, which the routes' schemas refuse where they expect one.
 */
export type TwilioRequest = { params: TwilioParams; query: TwilioParams; path: string };

/** Every key with its value, or all its values when repeated (Twilio signs repeated keys that way too). */
function toParams(search: URLSearchParams): TwilioParams {
  const params: TwilioParams = {};
  for (const key of new Set(search.keys())) {
    const values = search.getAll(key);
    params[key] = values.length === 1 ? values[0]! : values;
  }
  return params;
}

function cleanParams(params: TwilioParams): TwilioParams {
  const cleaned: TwilioParams = {};
  for (const [key, value] of Object.entries(params)) {
    cleaned[cleanText(key)] = Array.isArray(value) ? value.map(cleanText) : cleanText(value);
  }
  return cleaned;
}

/** The form (a body over Twilio's cap throws 413). */
function readForm({ body, isBodyTooLarge = false }: TwilioWebhookInput): TwilioParams {
  if (isBodyTooLarge) throw payloadTooLarge();
  // URLSearchParams never throws: a broken %-escape stays as typed (bytes that were not UTF-8 are U+FFFD already).
  return toParams(new URLSearchParams(body));
}

async function recordSignatureFailure(path: string, reason: string, isDatabaseFree: boolean) {
  logger.warn({ path, reason }, "twilio webhook refused: bad signature");
  if (isDatabaseFree) return;
  await recordHealthEvent({ kind: "signature_failure" }).catch((error: unknown) =>
    logger.error({ err: error }, "could not record signature failure"),
  );
}

/**
 * The verified parameters, or null (the caller answers 403); a body over Twilio's cap throws the 413 AppError, and is
 * never signature-checked. `isDatabaseFree` (the fallback route, which must work while the database is down) only
 * logs a refusal instead of recording it for the health panel.
 */
export async function readTwilioRequest(
  input: TwilioWebhookInput,
  { isDatabaseFree = false }: { isDatabaseFree?: boolean } = {},
): Promise<TwilioRequest | null> {
  // Only the path and query come from the request; scheme, host and port come from PUBLIC_BASE_URL.
  const { pathWithQuery, signature } = input;
  const queryAt = pathWithQuery.indexOf("?");
  const pathname = queryAt === -1 ? pathWithQuery : pathWithQuery.slice(0, queryAt);
  const search = queryAt === -1 ? "" : pathWithQuery.slice(queryAt);
  // With Twilio credentials the token comes from the environment: no database (only the simulator keeps one there).
  const authToken = await getWebhookAuthToken();
  if (!authToken) {
    await recordSignatureFailure(pathname, "no_auth_token", isDatabaseFree);
    return null;
  }
  const params = readForm(input);
  if (!isValidTwilioSignature({ authToken, signature, url: signedUrlFor(pathWithQuery), params })) {
    await recordSignatureFailure(pathname, signature ? "mismatch" : "missing", isDatabaseFree);
    return null;
  }
  return {
    params: cleanParams(params),
    query: cleanParams(toParams(new URLSearchParams(search))),
    path: pathname,
  };
}
