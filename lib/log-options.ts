// The app's pino settings, apart from the logger itself, so that a test can build a capturing logger from them
// before lib/log.ts creates the app's one.
import type pino from "pino";
import { serializeError } from "@/lib/serialize-error";

export function loggerOptions(level: pino.LevelWithSilent): pino.LoggerOptions {
  return {
    level,
    base: { app: "ringback" },
    // Every key an error is logged under goes through the one serializer: code, status, message, frames.
    serializers: { err: serializeError, error: serializeError, cause: serializeError },
    redact: {
      paths: ["body", "*.body", "password", "*.password", "authToken", "*.authToken", "Body", "*.Body"],
      censor: "[redacted]",
    },
  };
}
