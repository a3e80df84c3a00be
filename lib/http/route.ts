// Helpers for app API route handlers: parse JSON bodies safely and turn any error into the JSON error answer.
import type { z } from "zod";
import { AppError, toResponse } from "@/lib/errors";
import { checkJsonInput } from "@/lib/http/check-json-input";
import { checkUrlInput } from "@/lib/http/check-url-input";
import { MAX_JSON_BYTES, readBodyText } from "@/lib/http/read-body";
import { assertSameOrigin, isStateChanging } from "@/lib/http/same-origin";

/** The media type of a Content-Type header, without parameters: "application/json; charset=utf-8" → "application/json". */
export function mediaTypeOf(request: Request): string {
  return (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
}

/**
 * Wraps a handler so that every thrown error becomes `{ error: { code, message } }` with a fitting status, and a
 * state-changing request from another site is refused (403) before the handler runs.
 */
export function apiRoute<Context>(handler: (request: Request, context: Context) => Promise<Response>) {
  return async (request: Request, context: Context): Promise<Response> => {
    try {
      if (isStateChanging(request)) assertSameOrigin(request);
      checkUrlInput(request);
      return await handler(request, context);
    } catch (error) {
      return toResponse(error);
    }
  };
}

/**
 * Reads a JSON body (≤ 64 KB, refused on Content-Length before reading) and validates it; bad input is a clear 4xx
 * and changes nothing. The media type must be exactly application/json: "text/plain; application/json" is a form
 * a cross-site page can send without a preflight, and must not pass.
 */
export async function readJson<Schema extends z.ZodType>(request: Request, schema: Schema): Promise<z.infer<Schema>> {
  if (mediaTypeOf(request) !== "application/json") {
    throw new AppError("unsupported_media_type", "Send a JSON body with Content-Type: application/json.");
  }
  const text = await readBodyText(request, MAX_JSON_BYTES);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON.");
  }
  checkJsonInput(text, value);
  return schema.parse(value) as z.infer<Schema>;
}

/** An action whose body is optional (a button may post nothing): no body reads as `{}`, a body as `readJson` does. */
export async function readOptionalJson<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
): Promise<Partial<z.infer<Schema>>> {
  const hasBody = (request.headers.get("content-length") ?? "") !== "0" && request.headers.get("content-type");
  return hasBody ? readJson(request, schema) : {};
}
