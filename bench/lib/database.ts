// A fresh database for one benchmark run on the local PostgreSQL server (dropped afterwards), or, when no server
// answers, the embedded database in a throwaway DATA_DIR (numbers then describe PGlite, and the table says so).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export type BenchDatabase = {
  kind: "server" | "embedded";
  databaseUrl?: string;
  name?: string;
  dataDir: string;
  drop: () => Promise<void>;
};

const defaultServerUrl = "postgresql://postgres@127.0.0.1:5432/postgres";

export async function createBenchDatabase(
  serverUrl = process.env.BENCH_PG_URL ?? defaultServerUrl,
): Promise<BenchDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ringback-bench-"));
  const removeDataDir = async () => fs.rmSync(dataDir, { recursive: true, force: true });
  const admin = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3_000 });
  try {
    await admin.connect();
  } catch (error) {
    console.warn(
      `No PostgreSQL at ${redact(serverUrl)} (${(error as Error).message}): benchmarking the embedded database.`,
    );
    return { kind: "embedded", dataDir, drop: removeDataDir };
  }
  const name = `ringback_bench_${Date.now()}`;
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    kind: "server",
    databaseUrl: url.toString(),
    name,
    dataDir,
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await cleanup.end();
      await removeDataDir();
    },
  };
}

/** Connections the app holds on its database right now (server only). */
export async function countConnections(database: BenchDatabase): Promise<number | null> {
  if (database.kind !== "server" || !database.databaseUrl) return null;
  const client = new pg.Client({ connectionString: database.databaseUrl });
  await client.connect();
  try {
    const result = await client.query<{ count: string }>(
      "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
    );
    return Number(result.rows[0]?.count ?? 0);
  } finally {
    await client.end();
  }
}

function redact(url: string) {
  return url.replace(/:[^:@/]+@/, ":***@");
}
