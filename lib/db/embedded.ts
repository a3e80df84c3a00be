// Embedded PostgreSQL: PGlite (WASM Postgres) kept in DATA_DIR, served on a loopback port so that Prisma,
// pg-boss and psql reach it exactly like a PostgreSQL server. One process owns it; a second process must use
// DATABASE_URL (a real server).
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

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
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: 64 });
  await server.start();
  const address = server.getServerConn();
  return {
    url: `postgresql://postgres:postgres@${address}/postgres?sslmode=disable&${EMBEDDED_MARKER}`,
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
}
