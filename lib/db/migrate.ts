// Applies prisma/migrations/*/migration.sql in order and records them in _prisma_migrations exactly as
// `prisma migrate deploy` does (same table, same sha256 checksum, same advisory lock), so the two agree.
// Prisma's own deploy cannot run here: its JS engine fails on PostgreSQL.
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

/** Prisma's migrate advisory lock key: our runner and Prisma's never migrate at the same time. */
const PRISMA_ADVISORY_LOCK = 72707369;

const createMigrationsTable = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export type MigrationResult = { applied: string[]; alreadyApplied: number };

export function listMigrations(migrationsDir: string): { name: string; sql: string; checksum: string }[] {
  if (!fs.existsSync(migrationsDir)) return [];
  return fs
    .readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(migrationsDir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

// The embedded server shares one session among its connections, so session advisory locks cannot exclude
// runners of the same process there: chain them in-process as well.
const runningByUrl = new Map<string, Promise<unknown>>();

export function migrateDatabase(options: { databaseUrl: string; migrationsDir?: string }): Promise<MigrationResult> {
  const previous = runningByUrl.get(options.databaseUrl) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(() => runMigrations(options));
  runningByUrl.set(options.databaseUrl, next);
  return next;
}

async function runMigrations({
  databaseUrl,
  migrationsDir = path.resolve("prisma/migrations"),
}: {
  databaseUrl: string;
  migrationsDir?: string;
}): Promise<MigrationResult> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK]);
    try {
      await client.query(createMigrationsTable);
      const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
        `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
      );
      const done = new Map(rows.map((row) => [row.migration_name, row]));
      const applied: string[] = [];
      for (const migration of listMigrations(migrationsDir)) {
        const previous = done.get(migration.name);
        if (previous?.finished_at) continue;
        if (previous && !previous.finished_at) {
          throw new Error(
            `Migration ${migration.name} failed earlier and needs attention (see _prisma_migrations.logs).`,
          );
        }
        const id = randomUUID();
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`,
          [id, migration.checksum, migration.name],
        );
        try {
          await client.query("BEGIN");
          await client.query(migration.sql);
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK").catch(() => undefined);
          await client.query(`UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1`, [id, String(error)]);
          throw new Error(`Migration ${migration.name} failed: ${String(error)}`);
        }
        await client.query(
          `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
          [id],
        );
        applied.push(migration.name);
      }
      return { applied, alreadyApplied: done.size };
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK]).catch(() => undefined);
    }
  } finally {
    await client.end();
  }
}
