import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import pg from "pg";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded";
import { listMigrations, migrateDatabase } from "@/lib/db/migrate";

const started: EmbeddedDatabase[] = [];
afterAll(async () => Promise.all(started.map((database) => database.stop())));

async function freshDatabase() {
  const database = await startEmbeddedDatabase({ dataDir: null });
  started.push(database);
  return database.url;
}

describe("migration runner", () => {
  it("applies every migration once and records it as Prisma does", async () => {
    const url = await freshDatabase();
    const first = await migrateDatabase({ databaseUrl: url });
    expect(first.applied).toEqual(listMigrations(path.resolve("prisma/migrations")).map((m) => m.name));
    const second = await migrateDatabase({ databaseUrl: url });
    expect(second.applied).toEqual([]);

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query(
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations"`,
    );
    await client.end();
    const sql = fs.readFileSync(path.resolve("prisma/migrations", rows[0].migration_name, "migration.sql"), "utf8");
    expect(rows[0].checksum).toBe(createHash("sha256").update(sql).digest("hex"));
    expect(rows[0].finished_at).not.toBeNull();
    expect(rows[0].applied_steps_count).toBe(1);
  });

  it("leaves a failed migration recorded and unfinished, and refuses to continue past it", async () => {
    const url = await freshDatabase();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "migrations-"));
    fs.mkdirSync(path.join(dir, "001_ok"));
    fs.writeFileSync(path.join(dir, "001_ok", "migration.sql"), "CREATE TABLE ok_table (id int);");
    fs.mkdirSync(path.join(dir, "002_broken"));
    fs.writeFileSync(
      path.join(dir, "002_broken", "migration.sql"),
      "CREATE TABLE broken (id int); SELECT nope FROM missing;",
    );
    await expect(migrateDatabase({ databaseUrl: url, migrationsDir: dir })).rejects.toThrow(/002_broken/);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const broken = await client.query(`SELECT to_regclass('broken') AS t`);
    expect(broken.rows[0].t).toBeNull(); // the failed migration rolled back whole
    await client.end();
    await expect(migrateDatabase({ databaseUrl: url, migrationsDir: dir })).rejects.toThrow(/needs attention/);
  });

  it("serialises two runners with the advisory lock", async () => {
    const url = await freshDatabase();
    const results = await Promise.all([migrateDatabase({ databaseUrl: url }), migrateDatabase({ databaseUrl: url })]);
    const appliedCounts = results.map((result) => result.applied.length).sort();
    expect(appliedCounts[0]).toBe(0);
    expect(appliedCounts[1]).toBeGreaterThan(0);
  });
});
