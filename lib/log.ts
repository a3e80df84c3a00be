// Structured logs (pino). Info-level lines never carry full phone numbers or message bodies: use maskPhone().
import pino from "pino";
import { env } from "@/lib/env";

const globalForLog = globalThis as unknown as { ringbackLogger?: pino.Logger };

export const logger: pino.Logger =
  globalForLog.ringbackLogger ??
  (globalForLog.ringbackLogger = pino({
    level: env().logLevel,
    base: { app: "ringback" },
    redact: {
      paths: ["body", "*.body", "password", "*.password", "authToken", "*.authToken", "Body", "*.Body"],
      censor: "[redacted]",
    },
  }));

/** +15551234567 → +1555•••4567: enough to tell calls apart in a log, not enough to identify a caller. */
export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return "";
  if (phone.length <= 7) return "•••";
  return `${phone.slice(0, 5)}•••${phone.slice(-4)}`;
}
