// Embedded PostgreSQL: PGlite (WASM Postgres) kept in DATA_DIR, served on a loopback port (lib/db/pglite-server.ts) so that Prisma,
// pg-boss and psql reach it exactly like a PostgreSQL server. One process owns it; a second process must use
// DATABASE_URL (a real server).
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PgliteServer } from "@/lib/db/pglite-server";

export const EMBEDDED_MARKER = "application_name=ringback_embedded";

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

/** Starts PGlite in `dataDir` (or in memory with `null`) behind a socket server on a free loopback port. */
export async function startEmbeddedDatabase({ dataDir }: { dataDir: string | null }): Promise<EmbeddedDatabase> {
  let dbPath: string | undefined;
  if (dataDir) {
    dbPath = path.join(dataDir, "pgdata");
    fs.mkdirSync(dbPath, { recursive: true });
  }
  const db = await PGlite.create(dbPath ? { dataDir: dbPath } : {});
  const server = new PgliteServer(db);
  const port = await server.listen();
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable&${EMBEDDED_MARKER}`,
    stop: async () => {
      await server.close();
      await db.close();
    },
  };
}
