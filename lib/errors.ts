// One error type for the whole app: a code, a status, a message safe to show. toResponse() never leaks internals.
import { ZodError } from "zod";
import { logger } from "@/lib/log";

export type ErrorCode =
  | "bad_request"
  | "validation_failed"
  | "unauthorized"
  | "forbidden"
  | "password_change_required"
  | "not_found"
  | "conflict"
  | "opted_out"
  | "rate_limited"
  | "payload_too_large"
  | "unsupported_media_type"
  | "service_unavailable"
  | "internal";

const statusByCode: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 422,
  unauthorized: 401,
  forbidden: 403,
  password_change_required: 403,
  not_found: 404,
  conflict: 409,
  opted_out: 409,
  rate_limited: 429,
  payload_too_large: 413,
  unsupported_media_type: 415,
  service_unavailable: 503,
  internal: 500,
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.status = statusByCode[code];
    this.details = details;
  }
}

export function errorBody(code: ErrorCode, message: string, details?: unknown) {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/** Turns anything thrown into the JSON error answer of the API (docs/api.md). */
export function toResponse(error: unknown): Response {
  if (error instanceof AppError) {
    return Response.json(errorBody(error.code, error.message, error.details), { status: error.status });
  }
  if (error instanceof ZodError) {
    const details = error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
    return Response.json(errorBody("validation_failed", "Some fields are not valid.", details), { status: 422 });
  }
  if (isUnstorableInput(error)) {
    return Response.json(errorBody("bad_request", "The request contains characters that cannot be stored."), {
      status: 400,
    });
  }
  if (isDatabaseUnavailable(error)) {
    return Response.json(errorBody("service_unavailable", "The database is not reachable; try again shortly."), {
      status: 503,
      headers: { "Retry-After": "5" },
    });
  }
  logger.error({ err: error }, "unhandled error");
  return Response.json(errorBody("internal", "Something went wrong."), { status: 500 });
}

/** Connection-level failures (database restarting) deserve a retryable 503, not a 500. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const text =
    error instanceof Error ? `${error.name} ${error.message} ${String((error as { code?: unknown }).code)}` : "";
  return /ECONNREFUSED|ECONNRESET|Connection terminated|connection (?:is )?closed|57P01|57P03|08006|08001|DatabaseNotReachable|P1001|P1017/i.test(
    text,
  );
}

/** PostgreSQL refuses some text outright (a NUL character, 22021): that is bad input, not a server fault. */
export function isUnstorableInput(error: unknown): boolean {
  const text = error instanceof Error ? `${error.message} ${String((error as { cause?: unknown }).cause ?? "")}` : "";
  return /invalid byte sequence for encoding|\b22021\b|unsupported Unicode escape sequence|\b22P05\b/i.test(text);
}
