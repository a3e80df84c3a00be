// Production refuses demo credentials, through the real entry points (spawned, as `npm start` and
// `npm run db:seed` run them): no AUTH_SECRET → one clear line and no start, whatever the database; no bootstrap
// owner password → one generated, printed once, stored as "must change at first sign-in".
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { assertProductionConfig, env, resetEnvForTests } from "@/lib/env";
import pg from "pg";

const TSX = path.resolve("node_modules/tsx/dist/cli.mjs");

function run(script: string, extraEnv: Record<string, string>) {
  const child = spawn(process.execPath, [TSX, script], {
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? os.tmpdir(),
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      NEXT_TELEMETRY_DISABLED: "1",
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on("close", (code) => resolve({ code, stdout, stderr })),
  );
}

const tempDirs: string[] = [];
function tempDataDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ringback-prod-"));
  tempDirs.push(dir);
  return path.join(dir, "data");
}

afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvForTests();
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("production start", () => {
  it("without AUTH_SECRET, on the embedded database: one clear line, exit 1, nothing created", async () => {
    const dataDir = tempDataDir();
    const port = String(40_000 + Math.floor(Math.random() * 20_000)); // never listened on: the start stops before
    const result = await run("scripts/start.ts", { AUTH_SECRET: "", DATABASE_URL: "", DATA_DIR: dataDir, PORT: port });
    expect(result.code).toBe(1);
    const lines = `${result.stdout}${result.stderr}`.trim().split("\n");
    expect(lines, `exactly one line: ${JSON.stringify(lines)}`).toHaveLength(1);
    expect(lines[0]).toMatch(/^Ringback cannot start: AUTH_SECRET is required in production/);
    expect(fs.existsSync(path.join(dataDir, "auth-secret")), "no secret generated").toBe(false);
    expect(fs.existsSync(path.join(dataDir, "pgdata")), "no database started").toBe(false);
  }, 60_000);

  it("refuses the demo owner password", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("BOOTSTRAP_OWNER_PASSWORD", "ringback-demo");
    resetEnvForTests();
    expect(() => assertProductionConfig()).toThrow(/BOOTSTRAP_OWNER_PASSWORD is the demo password/);
    vi.stubEnv("BOOTSTRAP_OWNER_PASSWORD", "");
    resetEnvForTests();
    expect(env().bootstrap.ownerPassword, "no demo default in production").toBeUndefined();
  });

  it("without a bootstrap password: one is generated, printed once, and must be changed at first sign-in", async () => {
    const dataDir = tempDataDir();
    const seedEnv = { AUTH_SECRET: "a-production-secret-a-production-secret", DATABASE_URL: "", DATA_DIR: dataDir };
    const first = await run("prisma/seed.ts", seedEnv);
    expect(first.code, first.stderr).toBe(0);
    const printed = /one-time password:\s+(\S+)/.exec(first.stdout)?.[1];
    expect(printed, first.stdout).toBeDefined();
    expect(printed!.length).toBeGreaterThanOrEqual(16);
    const second = await run("prisma/seed.ts", seedEnv);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).not.toContain(printed!);
    expect(second.stdout).not.toMatch(/one-time password/);

    const embedded = await startEmbeddedDatabase({ dataDir });
    const client = new pg.Client({ connectionString: embedded.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ email: string; passwordHash: string; mustChangePassword: boolean }>(
        `SELECT email, "passwordHash", "mustChangePassword" FROM "User"`,
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ email: "owner@example.com", mustChangePassword: true });
      expect(await verifyPassword(rows[0]!.passwordHash, printed!)).toBe(true);
      expect(await verifyPassword(rows[0]!.passwordHash, "ringback-demo")).toBe(false);
    } finally {
      await client.end();
      await embedded.stop();
    }
  }, 120_000);
});
