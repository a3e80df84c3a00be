// Two processes starting on the same fresh database at once, as two instances of a deployment do: each runs the
// real `npm run db:seed` entry (bootDatabase → migrations under Prisma's advisory lock → bootstrapBusiness) in its
// own Node process. Every migration must be applied exactly once, one business and one owner made, both exit 0.
// The test holds the migration lock itself until BOTH processes are queued on it, so they truly contend.
// Needs the PostgreSQL server (TEST_DATABASE_URL): the embedded database lives inside one process, and a second
// process cannot open it at all; there the in-process chaining is what migrate.int.test.ts checks.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { listMigrations } from "@/lib/db/migrate";
import { waitFor } from "@/test/helpers/wait";

const PRISMA_ADVISORY_LOCK = 72707369; // the key lib/db/migrate.ts (and `prisma migrate deploy`) lock on
const serverUrl = process.env.TEST_DATABASE_URL;
const isEmbedded = inject("databaseKind") === "embedded";

type Child = { code: number | null; output: string; logs: { msg?: string; applied?: string[] }[] };

/** `node --import tsx prisma/seed.ts` (what `npm run db:seed` runs) against `databaseUrl`; its JSON lines parsed. */
function seedProcess(
  databaseUrl: string,
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ringback-boot-")),
): Promise<Child> {
  const child = spawn(process.execPath, ["--import", "tsx", "prisma/seed.ts"], {
    cwd: process.cwd(),
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "test",
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      AUTH_SECRET: "boot-test-secret-boot-test-secret-0123",
      BOOTSTRAP_OWNER_EMAIL: "boot-owner@example.test",
      BOOTSTRAP_OWNER_PASSWORD: "boot-owner-password",
      BOOTSTRAP_BUSINESS_NAME: "Two Starts Plumbing",
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => {
    child.on("close", (code) => {
      fs.rmSync(dataDir, { recursive: true, force: true });
      const logs = output
        .split("\n")
        .filter((line) => line.startsWith("{"))
        .map((line) => JSON.parse(line) as Child["logs"][number]);
      resolve({ code, output, logs });
    });
  });
}

describe("two processes booting the same fresh database", () => {
  it.skipIf(isEmbedded || !serverUrl)(
    "migrate it once between them (each migration exactly once), bootstrap one business, and both exit 0 (skipped on the embedded database: one process only; run with TEST_DATABASE_URL)",
    async () => {
      const name = `ringback_boot_${process.pid}_${Date.now()}`;
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE "${name}"`);
      const url = new URL(serverUrl!);
      url.pathname = `/${name}`;
      const holder = new pg.Client({ connectionString: url.toString() });
      try {
        await holder.connect();
        await holder.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK]);
        const children = [seedProcess(url.toString()), seedProcess(url.toString())];
        // Both processes are now waiting on the lock: released, they race for it with nothing applied yet.
        await waitFor(
          async () => {
            const { rows } = await holder.query<{ waiting: number }>(
              `SELECT count(*)::int AS waiting FROM pg_locks
               WHERE locktype = 'advisory' AND NOT granted AND objid = $1
                 AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
              [PRISMA_ADVISORY_LOCK],
            );
            return rows[0]!.waiting === 2;
          },
          { timeoutMs: 90_000, intervalMs: 100 },
        );
        await holder.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK]);
        const results = await Promise.all(children);
        for (const result of results) expect(result.code, result.output).toBe(0);

        const expected = listMigrations(path.resolve("prisma/migrations")).map((migration) => migration.name);
        const appliedBy = results.map((result) =>
          result.logs.filter((line) => line.msg === "migrations applied").flatMap((line) => line.applied ?? []),
        );
        // One process applied them all, the other found them done: never both, never half each.
        expect(appliedBy.map((names) => names.length).sort((a, b) => a - b)).toEqual([0, expected.length]);
        expect(appliedBy.flat()).toEqual(expected);
        const { rows } = await holder.query<{ migration_name: string; runs: number; finished: number }>(
          `SELECT migration_name, count(*)::int AS runs, count(finished_at)::int AS finished
           FROM "_prisma_migrations" GROUP BY migration_name ORDER BY migration_name`,
        );
        expect(rows).toEqual(expected.map((migration) => ({ migration_name: migration, runs: 1, finished: 1 })));
        // The bootstrap's own lock: one business and one owner, whichever process made them.
        const created = results.flatMap((result) =>
          result.logs.filter((line) => line.msg === "bootstrap business created"),
        );
        expect(created).toHaveLength(1);
        const counts = await holder.query<{ businesses: number; users: number; memberships: number }>(
          `SELECT (SELECT count(*) FROM "Business")::int AS businesses, (SELECT count(*) FROM "User")::int AS users,
             (SELECT count(*) FROM "Membership")::int AS memberships`,
        );
        expect(counts.rows[0]).toEqual({ businesses: 1, users: 1, memberships: 1 });
      } finally {
        await holder.end().catch(() => undefined);
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await admin.end();
      }
    },
    180_000,
  );
});

describe("booting with DATABASE_URL set", () => {
  it("uses that database as it is, migrates what is missing (nothing here) and starts no embedded server", async () => {
    const { bootDatabase } = await import("@/lib/db/boot");
    const before = process.env.DATABASE_URL;
    expect(await bootDatabase()).toEqual({ databaseUrl: before, isEmbedded: false });
    expect(process.env.DATABASE_URL).toBe(before);
    // The embedded branch (no DATABASE_URL: PGlite in DATA_DIR, then migrations) is what every e2e run boots:
    // `npm run db:seed` and `npm start` with DATABASE_URL="" (playwright.config.ts). A child process doing it here
    // took minutes on a loaded machine.
  });
});
