// The one pg.Pool of a process. Prisma (through its driver adapter) and Kysely both run on it, so a request never
// holds two connections and the pool size is the whole story of how many connections the app opens.
import pg from "pg";
import { EMBEDDED_MARKER } from "@/lib/db/embedded";
import { logger } from "@/lib/log";

// Prisma stores DateTime as `timestamp(3)` (no time zone) holding UTC. pg's defaults would read and write those as
// the process's local time, so for the rows Kysely reads (Prisma's adapter brings its own parsers) a timestamp
// without time zone is parsed as UTC, and Date parameters are sent as UTC (Prisma formats its own; pg-boss uses
// timestamptz, where the explicit offset means the same instant either way).
pg.defaults.parseInputDatesAsUTC = true;
const TIMESTAMP_OID = 1114;
const TIMESTAMP_ARRAY_OID = 1115;
const parseUtcTimestamp = (value: string) => new Date(`${value.replace(" ", "T")}Z`);

const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (format !== "binary" && oid === TIMESTAMP_OID) return parseUtcTimestamp;
    if (format !== "binary" && oid === TIMESTAMP_ARRAY_OID) {
      const parseArray = pg.types.getTypeParser(1009 as never); // text[]: the array syntax, element by element
      return (value: string) => (parseArray(value) as string[]).map((item) => parseUtcTimestamp(item));
    }
    return pg.types.getTypeParser(oid, format ?? "text");
  },
} as pg.CustomTypesConfig;

/** The embedded server's URL names itself, so every client can size its pool for it. */
export function isEmbeddedUrl(url: string): boolean {
  return url.includes(EMBEDDED_MARKER);
}

export function createPool(databaseUrl: string, { max }: { max?: number } = {}): pg.Pool {
  // PGlite runs one statement at a time whatever the number of connections: one is enough there.
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: max ?? (isEmbeddedUrl(databaseUrl) ? 1 : 10),
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
    types,
  });
  // An idle connection the server drops (restart, failover) is reported here; without a listener the process
  // would crash. The pool replaces it on the next query.
  pool.on("error", (error) => logger.warn({ err: error }, "database connection lost; the pool reconnects"));
  // A connection checked out (e.g. for a transaction) has no pool listener: give every connection its own, or a
  // server restart between two statements of a transaction would crash the process instead of failing the query.
  pool.on("connect", (client) =>
    client.on("error", (error) => logger.warn({ err: error }, "database connection lost mid-use")),
  );
  return pool;
}

const globalForPool = globalThis as unknown as { ringbackPool?: pg.Pool };

/** The process's pool on DATABASE_URL, created on first use (scripts/boot.ts sets DATABASE_URL first). */
export function getPool(databaseUrl: string | undefined): pg.Pool {
  if (!globalForPool.ringbackPool) {
    if (!databaseUrl) {
      throw new Error(
        "DATABASE_URL is not set: start the app with `npm run dev` / `npm start`, which boot the database.",
      );
    }
    globalForPool.ringbackPool = createPool(databaseUrl);
  }
  return globalForPool.ringbackPool;
}

/** Ends the shared pool (Prisma and Kysely both lose it; the next use creates a new one). */
export async function closePool(): Promise<void> {
  const pool = globalForPool.ringbackPool;
  globalForPool.ringbackPool = undefined;
  await pool?.end().catch(() => undefined);
}
