// A throwaway database on the local PostgreSQL server for multi-process tests; null when no server answers.
import pg from "pg";

const serverUrl = process.env.E2E_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export type ThrowawayDatabase = { url: string; name: string; drop: () => Promise<void> };

export async function createThrowawayDatabase(prefix: string): Promise<ThrowawayDatabase | null> {
  const admin = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3_000 });
  try {
    await admin.connect();
  } catch {
    return null;
  }
  const name = `${prefix}_${Date.now()}`;
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

export const postgresServerUrl = serverUrl;
