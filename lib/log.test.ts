// Logs for a person in development (pretty, in this process), JSON lines everywhere else.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

async function logOneLine(nodeEnv: "development" | "production"): Promise<string> {
  const script = 'import { logger } from "./lib/log"; logger.info({ callSid: "CA1" }, "call received");';
  const { stdout } = await promisify(execFile)("npx", ["tsx", "--eval", script], {
    env: { ...process.env, NODE_ENV: nodeEnv, LOG_LEVEL: "info", DATABASE_URL: "" },
    encoding: "utf8",
  });
  return stdout;
}

describe("log format", () => {
  it("development: a readable line with the level and message, no JSON", async () => {
    const output = await logOneLine("development");
    expect(output).toMatch(/INFO.*call received/);
    expect(output).toContain('callSid: "CA1"');
    expect(() => JSON.parse(output.split("\n")[0]!)).toThrow();
  }, 60_000);

  it("production: one JSON line", async () => {
    const output = await logOneLine("production");
    expect(JSON.parse(output.trim())).toMatchObject({ level: 30, msg: "call received", callSid: "CA1" });
  }, 60_000);
});
