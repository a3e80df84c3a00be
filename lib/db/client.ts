// The one Prisma client (Prisma 6 with the pg driver adapter). DATABASE_URL must be known before first use:
// scripts/boot.ts starts the embedded database and sets it when no server is configured.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import pg from "pg";
import { EMBEDDED_MARKER } from "@/lib/db/embedded";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";

const globalForDb = globalThis as unknown as { ringbackPrisma?: PrismaClient };

function createClient(): PrismaClient {
  const { databaseUrl } = env();
  if (!databaseUrl) {
    throw new Error(
      "DATABASE_URL is not set: start the app with `npm run dev` / `npm start`, which boot the database.",
    );
  }
  // PGlite runs one statement at a time whatever the number of connections: one is enough there.
  const isEmbedded = isEmbeddedUrl(databaseUrl);
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: isEmbedded ? 1 : 10,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle connection the server drops (restart, failover) is reported here; without a listener the process
  // would crash. The pool replaces it on the next query.
  pool.on("error", (error) => logger.warn({ err: error }, "database connection lost; the pool reconnects"));
  // A connection checked out (e.g. for a transaction) has no pool listener: give every connection its own, or a
  // server restart between two statements of a transaction would crash the process instead of failing the query.
  pool.on("connect", (client) =>
    client.on("error", (error) => logger.warn({ err: error }, "database connection lost mid-use")),
  );
  const adapter = new PrismaPg(pool);
  // Generous transaction limits: on the embedded server transactions queue behind each other under load.
  return new PrismaClient({
    adapter,
    log: ["warn", "error"],
    transactionOptions: { maxWait: 10_000, timeout: 15_000 },
  });
}

/** The embedded server's URL names itself, so every client can size its pool for it. */
export function isEmbeddedUrl(url: string): boolean {
  return url.includes(EMBEDDED_MARKER);
}

/** Lazily created so that importing a module never needs a database. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    globalForDb.ringbackPrisma ??= createClient();
    const value = Reflect.get(globalForDb.ringbackPrisma, property) as unknown;
    return typeof value === "function"
      ? (value as (...args: unknown[]) => unknown).bind(globalForDb.ringbackPrisma)
      : value;
  },
});

export async function disconnectDb(): Promise<void> {
  const client = globalForDb.ringbackPrisma;
  globalForDb.ringbackPrisma = undefined;
  await client?.$disconnect();
}
