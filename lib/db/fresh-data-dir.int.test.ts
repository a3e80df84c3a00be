// A fresh DATA_DIR: the server's first start runs initdb and the migrations in a short-lived child process (their
// memory goes back to the system when it exits), then opens the ready directory itself. The next start finds it
// ready and starts no child. Each boot is its own Node process, as `npm start` is.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { listMigrations } from "@/lib/db/migrate";

type Boot = { code: number | null; output: string; logs: { msg?: string; migrations?: number; applied?: string[] }[] };

function boot(dataDir: string): Promise<Boot> {
  const child = spawn(process.execPath, ["--import", "tsx", "test/helpers/boot-embedded.ts"], {
    cwd: process.cwd(),
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "test", DATA_DIR: dataDir, LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => {
    child.on("close", (code) => {
      const logs = output
        .split("\n")
        .filter((line) => line.startsWith("{"))
        .map((line) => JSON.parse(line) as Boot["logs"][number]);
      resolve({ code, output, logs });
    });
  });
}

// The embedded path only: run once, in the embedded step (it boots PGlite three times, whatever the test database).
describe.skipIf(inject("databaseKind") !== "embedded")("the embedded database on a fresh DATA_DIR", () => {
  it("is initialised and migrated in a child process on the first start, and opened as it is on the next", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ringback-fresh-"));
    try {
      const migrations = listMigrations(path.resolve("prisma/migrations")).length;
      const first = await boot(dataDir);
      expect(first.code, first.output).toBe(0);
      const firstMessages = first.logs.map((log) => log.msg);
      expect(firstMessages).toContain("embedded PostgreSQL initialised in a child process");
      // The child applied every migration; the server itself had none left to apply.
      expect(first.logs.some((log) => log.msg === "migrations applied")).toBe(false);
      expect(first.logs.find((log) => log.msg === "booted")).toMatchObject({ isEmbedded: true, migrations });

      const second = await boot(dataDir);
      expect(second.code, second.output).toBe(0);
      expect(second.logs.map((log) => log.msg)).not.toContain("embedded PostgreSQL initialised in a child process");
      expect(second.logs.find((log) => log.msg === "booted")).toMatchObject({ isEmbedded: true, migrations });
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
