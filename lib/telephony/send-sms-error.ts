// How a failed send is classified: retry later (429, 5xx, timeouts, network) or give up (4xx, Twilio said no).
export type SendFailureKind = "retry" | "permanent";

export class SendSmsError extends Error {
  readonly kind: SendFailureKind;
  readonly httpStatus?: number;
  readonly twilioCode?: number;
  readonly retryAfterSeconds?: number;

  constructor(input: {
    kind: SendFailureKind;
    message: string;
    httpStatus?: number;
    twilioCode?: number;
    retryAfterSeconds?: number;
  }) {
    super(input.message);
    this.name = "SendSmsError";
    this.kind = input.kind;
    this.httpStatus = input.httpStatus;
    this.twilioCode = input.twilioCode;
    this.retryAfterSeconds = input.retryAfterSeconds;
  }
}

/** Twilio's RestException (status + code), a request that got no answer (timeout, connection refused), or else. */
export function classifySendError(error: unknown, retryAfterSeconds?: number): SendSmsError {
  if (error instanceof SendSmsError) return error;
  const record = (error ?? {}) as { status?: unknown; code?: unknown; message?: unknown };
  const message = typeof record.message === "string" && record.message ? record.message : "Twilio request failed";
  if (typeof record.status === "number") {
    const httpStatus = record.status;
    const twilioCode = typeof record.code === "number" ? record.code : undefined;
    const isRetryable = httpStatus === 429 || httpStatus === 408 || httpStatus >= 500;
    return new SendSmsError({
      kind: isRetryable ? "retry" : "permanent",
      message,
      httpStatus,
      twilioCode,
      retryAfterSeconds,
    });
  }
  // No HTTP answer at all (timeout, connection refused/reset): we cannot know it failed, so retry with a lookup first.
  return new SendSmsError({ kind: "retry", message, retryAfterSeconds });
}
