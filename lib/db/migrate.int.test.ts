import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import pg from "pg";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded";
import { listMigrations, migrateDatabase } from "@/lib/db/migrate";

// One fresh embedded database for the runner's edge cases (each uses its own migrations folder with distinct names,
// so they do not see each other's rows). Starting one is the expensive part: once per file, not per test.
let scratch: EmbeddedDatabase;
beforeAll(async () => {
  scratch = await startEmbeddedDatabase({ dataDir: null });
}, 300_000); // an embedded server starts in seconds alone; it took over 90 s on a loaded machine
afterAll(async () => scratch?.stop());

function migrationsFolder(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "migrations-"));
  for (const [name, sql] of Object.entries(files)) {
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

async function query<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

describe("migration runner", () => {
  it("applies every migration once and records it as Prisma does", async () => {
    // The run's database was migrated from empty by this runner (test/global-setup.ts): checking its record is the
    // same proof as migrating a fresh one again, without a second full migration in every run.
    const url = inject("databaseUrl");
    const migrations = listMigrations(path.resolve("prisma/migrations"));
    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; steps: number }>(
      url,
      `SELECT migration_name, checksum, finished_at, applied_steps_count AS steps FROM "_prisma_migrations"
       WHERE rolled_back_at IS NULL ORDER BY migration_name`,
    );
    expect(rows.map((row) => row.migration_name)).toEqual(migrations.map((migration) => migration.name));
    for (const [index, row] of rows.entries()) {
      const sql = fs.readFileSync(path.resolve("prisma/migrations", row.migration_name, "migration.sql"), "utf8");
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.checksum).toBe(migrations[index]!.checksum);
      expect(row.finished_at).not.toBeNull();
      expect(row.steps).toBe(1);
    }
    expect(await migrateDatabase({ databaseUrl: url })).toEqual({ applied: [], alreadyApplied: migrations.length });
  });

  it("chains two runners of one process (the embedded database shares one session, where the lock cannot)", async () => {
    // Two processes contending for the advisory lock: lib/db/boot.int.test.ts, on the PostgreSQL server.
    const dir = migrationsFolder({
      "101_first": "CREATE TABLE chained_first (id int);",
      "102_second": "CREATE TABLE chained_second (id int);",
    });
    const results = await Promise.all([
      migrateDatabase({ databaseUrl: scratch.url, migrationsDir: dir }),
      migrateDatabase({ databaseUrl: scratch.url, migrationsDir: dir }),
    ]);
    expect(results.map((result) => result.applied)).toEqual([["101_first", "102_second"], []]);
    const rows = await query<{ runs: number }>(
      scratch.url,
      `SELECT count(*)::int AS runs FROM "_prisma_migrations" WHERE migration_name LIKE '10%' GROUP BY migration_name`,
    );
    expect(rows).toEqual([{ runs: 1 }, { runs: 1 }]);
  });

  it("leaves a failed migration recorded and unfinished, and refuses to continue past it", async () => {
    const dir = migrationsFolder({
      "201_ok": "CREATE TABLE ok_table (id int);",
      "202_broken": "CREATE TABLE broken (id int); SELECT nope FROM missing;",
    });
    await expect(migrateDatabase({ databaseUrl: scratch.url, migrationsDir: dir })).rejects.toThrow(/202_broken/);
    const [broken] = await query<{ t: string | null }>(scratch.url, `SELECT to_regclass('broken') AS t`);
    expect(broken!.t).toBeNull(); // the failed migration rolled back whole
    await expect(migrateDatabase({ databaseUrl: scratch.url, migrationsDir: dir })).rejects.toThrow(/needs attention/);
  });
});
