// Typed SQL for the write path and the hot reads: Kysely, with the table types generated from
// prisma/schema.prisma by prisma-kysely during `prisma generate` (lib/db/generated/). It runs on the same pg.Pool
// as Prisma and compiles each query to SQL in plain JavaScript (no per-query engine step): measured at about 1.3x
// the CPU of raw pg per query, against 6-11x for Prisma 6 (bench/micro/query-layer.ts).
import { Kysely, PostgresDialect, type Transaction } from "kysely";
import type { DB } from "@/lib/db/generated/kysely-types";
import { getPool, isEmbeddedUrl } from "@/lib/db/pool";
import { poolWithNamedStatements } from "@/lib/db/prepared-statements";
import { env } from "@/lib/env";

export type { DB };
/** A transaction handed out by runTransaction. */
export type Tx = Transaction<DB>;
/** Either the shared instance (single statements) or a transaction. */
export type Queryable = Kysely<DB>;

const globalForKysely = globalThis as unknown as { ringbackKysely?: { pool: unknown; db: Kysely<DB> } };

/** The shared Kysely instance; re-created when the pool was closed and opened again (tests, restarts). */
export function sqlDb(): Kysely<DB> {
  const pool = getPool(env().databaseUrl);
  if (globalForKysely.ringbackKysely?.pool !== pool) {
    // On a PostgreSQL server the statements are prepared once per connection (lib/db/prepared-statements.ts).
    const dialectPool = isEmbeddedUrl(env().databaseUrl!) ? pool : poolWithNamedStatements(pool);
    globalForKysely.ringbackKysely = {
      pool,
      db: new Kysely<DB>({ dialect: new PostgresDialect({ pool: dialectPool }) }),
    };
  }
  return globalForKysely.ringbackKysely.db;
}
