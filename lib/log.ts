// Structured logs (pino). Info-level lines never carry full phone numbers or message bodies: use maskPhone().
// Errors go through serializeError (code, status, message, frames) under every key an error is logged with, so an
// external call's request (its Authorization header, its phone numbers, its prompt) never reaches a log line.
// Production (and tests) write JSON lines; `npm run dev` writes them pretty for a person at a terminal, through
// pino-pretty as a plain stream in this process (no transport worker thread for Next's bundler to trip on).
import pino from "pino";
import pretty from "pino-pretty";
import { env } from "@/lib/env";
import { loggerOptions } from "@/lib/log-options";

const globalForLog = globalThis as unknown as { ringbackLogger?: pino.Logger };

function createLogger(): pino.Logger {
  const options = loggerOptions(env().logLevel);
  if (env().nodeEnv !== "development") return pino(options);
  return pino(options, pretty({ colorize: process.stdout.isTTY, ignore: "pid,hostname,app", sync: true }));
}

export const logger: pino.Logger = globalForLog.ringbackLogger ?? (globalForLog.ringbackLogger = createLogger());

/** +15551234567 → +1555•••4567: enough to tell calls apart in a log, not enough to identify a caller. */
export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return "";
  if (phone.length <= 7) return "•••";
  return `${phone.slice(0, 5)}•••${phone.slice(-4)}`;
}
