// The one Prisma client (Prisma 6 with the pg driver adapter), on the process's one pg.Pool (lib/db/pool.ts),
// which Kysely shares (lib/db/kysely.ts). Prisma is the client for plain single-statement CRUD outside
// transactions; every write transaction goes through runTransaction (lib/db/run-transaction.ts) on Kysely.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import { closePool, getPool, isEmbeddedUrl } from "@/lib/db/pool";
import { env } from "@/lib/env";

export { isEmbeddedUrl };

const globalForDb = globalThis as unknown as { ringbackPrisma?: PrismaClient };

function createClient(): PrismaClient {
  const adapter = new PrismaPg(getPool(env().databaseUrl));
  return new PrismaClient({ adapter, log: ["warn", "error"] });
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
  await client?.$disconnect().catch(() => undefined);
  await closePool();
}
