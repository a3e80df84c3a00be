// Import FIRST in a test file: installs a debug-level pino logger writing into memory before lib/log.ts creates
// its own (lib/log.ts reuses globalThis.ringbackLogger), with the app's own serializers and redaction settings.
import { Writable } from "node:stream";
import pino from "pino";
import { loggerOptions } from "@/lib/log-options";

export const capturedLogLines: string[] = [];

const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    capturedLogLines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    done();
  },
});

(globalThis as { ringbackLogger?: pino.Logger }).ringbackLogger = pino(loggerOptions("debug"), sink);
