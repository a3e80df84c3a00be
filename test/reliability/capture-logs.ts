// Import FIRST in a test file: installs a debug-level pino logger writing into memory before lib/log.ts creates
// its own (lib/log.ts reuses globalThis.ringbackLogger), with the app's own redaction settings.
import { Writable } from "node:stream";
import pino from "pino";

export const capturedLogLines: string[] = [];

const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    capturedLogLines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    done();
  },
});

(globalThis as { ringbackLogger?: pino.Logger }).ringbackLogger = pino(
  {
    level: "debug",
    base: { app: "ringback" },
    redact: {
      paths: ["body", "*.body", "password", "*.password", "authToken", "*.authToken", "Body", "*.Body"],
      censor: "[redacted]",
    },
  },
  sink,
);
