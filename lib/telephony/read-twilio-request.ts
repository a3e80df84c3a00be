// Reads a Twilio webhook: the form body, checked against X-Twilio-Signature. Anything unsigned, mis-signed or
// unverifiable (no token outside simulator mode) is refused before a single row is written.
import { cleanText } from "@/lib/http/clean-text";
import { recordHealthEvent } from "@/lib/health/record-health-event";
import { MAX_TWILIO_FORM_BYTES, readBodyText } from "@/lib/http/read-body";
import { logger } from "@/lib/log";
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

/** The form, read with Twilio's cap (a larger body throws 413 before or while it is read). */
async function readForm(request: Request): Promise<TwilioParams> {
  const text = await readBodyText(request, MAX_TWILIO_FORM_BYTES);
  // URLSearchParams never throws: a broken %-escape stays as typed, bytes that are not UTF-8 become U+FFFD.
  return toParams(new URLSearchParams(text));
}

async function recordSignatureFailure(path: string, reason: string, isDatabaseFree: boolean) {
  logger.warn({ path, reason }, "twilio webhook refused: bad signature");
  if (isDatabaseFree) return;
  await recordHealthEvent({ kind: "signature_failure" }).catch((error: unknown) =>
    logger.error({ err: error }, "could not record signature failure"),
  );
}

/**
 * The verified parameters, or null (the caller answers 403). `isDatabaseFree` (the fallback route, which must work
 * while the database is down) only logs a refusal instead of recording it for the health panel.
 */
export async function readTwilioRequest(
  request: Request,
  { isDatabaseFree = false }: { isDatabaseFree?: boolean } = {},
): Promise<TwilioRequest | null> {
  // Only the path and query come from the request; scheme, host and port come from PUBLIC_BASE_URL.
  const { pathname, search } = new URL(request.url);
  const pathWithQuery = `${pathname}${search}`;
  // With Twilio credentials the token comes from the environment: no database (only the simulator keeps one there).
  const authToken = await getWebhookAuthToken();
  if (!authToken) {
    await recordSignatureFailure(pathname, "no_auth_token", isDatabaseFree);
    return null;
  }
  const params = await readForm(request);
  const signature = request.headers.get("x-twilio-signature");
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
