// Helpers for app API route handlers: parse JSON bodies safely and turn any error into the JSON error answer.
import type { z } from "zod";
import { AppError, toResponse } from "@/lib/errors";
import { checkJsonInput } from "@/lib/http/check-json-input";
import { checkUrlInput } from "@/lib/http/check-url-input";

const MAX_JSON_BYTES = 64 * 1024;

/** Wraps a handler so that every thrown error becomes `{ error: { code, message } }` with a fitting status. */
export function apiRoute<Context>(handler: (request: Request, context: Context) => Promise<Response>) {
  return async (request: Request, context: Context): Promise<Response> => {
    try {
      checkUrlInput(request);
      return await handler(request, context);
    } catch (error) {
      return toResponse(error);
    }
  };
}

/** Reads a JSON body (≤ 64 KB) and validates it; bad input is a clear 4xx and changes nothing. */
export async function readJson<Schema extends z.ZodType>(request: Request, schema: Schema): Promise<z.infer<Schema>> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().includes("application/json")) {
    throw new AppError("unsupported_media_type", "Send a JSON body with Content-Type: application/json.");
  }
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_JSON_BYTES)
    throw new AppError("payload_too_large", "The request body is too large.");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON.");
  }
  checkJsonInput(text, value);
  return schema.parse(value) as z.infer<Schema>;
}
