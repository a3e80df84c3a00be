// Reads a request body with a size cap, the same way for every route: a Content-Length over the cap is refused
// before a byte is read, and a body without one (chunked) is read only up to the cap, then the stream is cancelled.
// The edge cap in scripts/serve.ts (lib/http/limit-request-body.ts) is larger; these are the per-route ones.
import { AppError } from "@/lib/errors";

/** JSON bodies of the app API (the largest legitimate one, a settings PATCH, is a few KB). */
export const MAX_JSON_BYTES = 64 * 1024;
/** Twilio's webhook forms (a 1,600-character SMS with its parameters is under 4 KB). */
export const MAX_TWILIO_FORM_BYTES = 64 * 1024;
/** next-auth's sign-in, sign-out and CSRF posts. */
export const MAX_AUTH_BYTES = 8 * 1024;

/** The refusal of a body over its cap (413), also for one whose size was found out before it got here. */
export function payloadTooLarge(): AppError {
  return new AppError("payload_too_large", "The request body is too large.");
}

export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  const declared = request.headers.get("content-length");
  if (declared !== null) {
    if (!/^\d+$/.test(declared.trim())) throw new AppError("bad_request", "Content-Length is not a number.");
    if (Number(declared) > maxBytes) throw payloadTooLarge();
  }
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw payloadTooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
