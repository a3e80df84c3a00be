// The one way an error reaches a log line (lib/log.ts installs it for `err`, `error` and `cause`) or a failed job's
// stored output (lib/jobs/worker.ts). Errors of external calls may carry their whole request: an axios error (the
// Twilio SDK's own client; ours, lib/telephony/twilio-http-client.ts, keeps none) holds `config.headers.Authorization`
// (Basic SID:token) and `config.data` (full phone numbers), the AI SDK's hold the prompt, web-push's the endpoint. So nothing is copied by default: only the type, a code, an HTTP status,
// the message (phone numbers masked, known secrets and credentials cut out) and the stack's frames (code locations,
// never data).

export type SafeError = {
  type: string;
  message: string;
  code?: string | number;
  status?: number;
  frames?: string[];
};

const MAX_MESSAGE = 500;
const MAX_FRAMES = 10;

type ErrorLike = {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  status?: unknown;
  statusCode?: unknown;
  response?: { status?: unknown };
  cause?: unknown;
  stack?: unknown;
};

/** Secrets of this deployment, read at call time (tests and boot may set them after import). */
function configuredSecrets(): string[] {
  const names = ["TWILIO_AUTH_TOKEN", "OPENAI_API_KEY", "AUTH_SECRET", "VAPID_PRIVATE_KEY", "DATABASE_URL"];
  return names.map((name) => process.env[name] ?? "").filter((value) => value.length >= 8);
}

/** +15551234567 → +1555•••4567, as lib/log.ts maskPhone does (kept here so this module imports nothing). */
function maskDigits(digits: string): string {
  return `${digits.slice(0, 5)}•••${digits.slice(-4)}`;
}

/** Masks phone numbers and cuts credentials and configured secrets out of a free-text message. */
export function scrubText(text: string): string {
  let result = text;
  for (const secret of configuredSecrets()) result = result.split(secret).join("[secret]");
  return (
    result
      .replace(/\b(Basic|Bearer)\s+[A-Za-z0-9+/=._~-]{8,}/gi, "$1 [secret]")
      .replace(/\b(?:sk|whsec)[-_][A-Za-z0-9_-]{8,}/g, "[secret]")
      // user:password@ in URLs
      .replace(/(\w+:\/\/)[^/\s:@]+:[^/\s@]+@/g, "$1[secret]@")
      // E.164 (+ and 8–15 digits) and bare runs of 10–15 digits (a number without its +)
      .replace(/\+\d{7,15}\b/g, (match) => maskDigits(match))
      .replace(/(?<![\w.])\d{10,15}\b/g, (match) => maskDigits(match))
  );
}

function pickCode(error: ErrorLike): string | number | undefined {
  for (let current: unknown = error, depth = 0; current && depth < 4; depth += 1) {
    const code = (current as ErrorLike).code;
    if (typeof code === "string" || typeof code === "number") return code;
    current = (current as ErrorLike).cause;
  }
  return undefined;
}

function pickStatus(error: ErrorLike): number | undefined {
  const candidates = [error.status, error.statusCode, error.response?.status];
  return candidates.find((value): value is number => typeof value === "number");
}

function messageOf(error: ErrorLike): string {
  const own = typeof error.message === "string" ? error.message : "";
  const cause = error.cause as ErrorLike | undefined;
  // fetch's "fetch failed" says nothing; its cause says "connect ECONNREFUSED 127.0.0.1:443".
  const causeMessage = cause && typeof cause.message === "string" ? cause.message : "";
  const combined = causeMessage && !own.includes(causeMessage) ? `${own}: ${causeMessage}` : own;
  return scrubText(combined).slice(0, MAX_MESSAGE);
}

function framesOf(error: ErrorLike): string[] | undefined {
  if (typeof error.stack !== "string") return undefined;
  const frames = error.stack
    .split("\n")
    .filter((line) => /^\s+at\s/.test(line))
    .slice(0, MAX_FRAMES)
    .map((line) => scrubText(line.trim()));
  return frames.length > 0 ? frames : undefined;
}

/** Code, status, message and frames of anything thrown; nothing else of it. */
export function serializeError(error: unknown): SafeError {
  if (error === null || typeof error !== "object") {
    return { type: typeof error, message: scrubText(String(error)).slice(0, MAX_MESSAGE) };
  }
  const record = error as ErrorLike;
  const type =
    typeof record.name === "string" && record.name ? record.name : (error.constructor?.name ?? "Object") || "Object";
  const safe: SafeError = { type, message: messageOf(record) };
  const code = pickCode(record);
  if (code !== undefined) safe.code = typeof code === "string" ? scrubText(code).slice(0, 100) : code;
  const status = pickStatus(record);
  if (status !== undefined) safe.status = status;
  const frames = framesOf(record);
  if (frames) safe.frames = frames;
  return safe;
}

/** An Error that carries only the safe parts: what a failed job hands pg-boss to store. */
export function toSafeError(error: unknown): Error {
  const safe = serializeError(error);
  const result = new Error(safe.message) as Error & { code?: string | number; status?: number };
  result.name = safe.type;
  if (safe.code !== undefined) result.code = safe.code;
  if (safe.status !== undefined) result.status = safe.status;
  result.stack = [`${safe.type}: ${safe.message}`, ...(safe.frames ?? []).map((frame) => `    ${frame}`)].join("\n");
  return result;
}
