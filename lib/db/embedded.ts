// Embedded PostgreSQL: PGlite (WASM Postgres) kept in DATA_DIR, served on a loopback port (lib/db/pglite-server.ts) so that Prisma,
// pg-boss and psql reach it exactly like a PostgreSQL server. One process owns it; a second process must use
// DATABASE_URL (a real server). The server asks for a password drawn at random on every start; DATA_DIR is 0700.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PgliteServer } from "@/lib/db/pglite-server";
import { ensurePrivateDir } from "@/lib/db/private-dir";

export const EMBEDDED_MARKER = "application_name=ringback_embedded";

/**
 * Memory settings of the embedded PostgreSQL. Its shared memory lives inside PGlite's WebAssembly memory, which is
 * written in full at start (all of it resident) and never shrinks: PostgreSQL's default 128 MB of shared_buffers
 * alone is a third of what the whole app may use. 16 MB holds the hot part of a small business's database; a page
 * outside it is read back from the files in DATA_DIR, which the operating system keeps cached: a system call, not
 * a disk read. A business that outgrows that sets DATABASE_URL to a PostgreSQL server, tuned on its own.
 */
const EMBEDDED_SETTINGS = ["shared_buffers=16MB"];

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

/** Where PostgreSQL's own files live inside DATA_DIR. */
export function embeddedDataPath(dataDir: string): string {
  return path.join(dataDir, "pgdata");
}

/** A DATA_DIR PostgreSQL has never been initialised in (no PG_VERSION yet: initdb has not run). */
export function isFreshDataDir(dataDir: string): boolean {
  return !fs.existsSync(path.join(embeddedDataPath(dataDir), "PG_VERSION"));
}

/** Starts PGlite in `dataDir` (or in memory with `null`) behind a socket server on a free loopback port. */
export async function startEmbeddedDatabase({ dataDir }: { dataDir: string | null }): Promise<EmbeddedDatabase> {
  let dbPath: string | undefined;
  if (dataDir) {
    ensurePrivateDir(dataDir);
    dbPath = embeddedDataPath(dataDir);
    ensurePrivateDir(dbPath);
  }
  // pg_trgm: the leads search's trigram indexes (a PostgreSQL server ships it in contrib).
  const db = await PGlite.create({
    ...(dbPath ? { dataDir: dbPath } : {}),
    extensions: { pg_trgm },
    startParams: [...PGlite.defaultStartParams, ...EMBEDDED_SETTINGS.flatMap((setting) => ["-c", setting])],
  });
  const password = randomBytes(24).toString("base64url");
  const server = new PgliteServer(db, { password });
  const port = await server.listen();
  return {
    url: `postgresql://postgres:${password}@127.0.0.1:${port}/postgres?sslmode=disable&${EMBEDDED_MARKER}`,
    stop: async () => {
      await server.close();
      await db.close();
    },
  };
}
