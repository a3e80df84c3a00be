// Brings the database up before anything serves: the embedded server when DATABASE_URL is unset, then migrations.
import path from "node:path";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded";
import { migrateDatabase } from "@/lib/db/migrate";
import { env, resetEnvForTests } from "@/lib/env";
import { logger } from "@/lib/log";

const globalForBoot = globalThis as unknown as { ringbackEmbedded?: EmbeddedDatabase };

/** Returns the database URL in use; starts embedded PostgreSQL in DATA_DIR when none is configured. */
export async function bootDatabase(): Promise<{ databaseUrl: string; isEmbedded: boolean }> {
  let databaseUrl = env().databaseUrl;
  let isEmbedded = false;
  if (!databaseUrl) {
    globalForBoot.ringbackEmbedded ??= await startEmbeddedDatabase({ dataDir: env().dataDir });
    databaseUrl = globalForBoot.ringbackEmbedded.url;
    // Everything else (Prisma, pg-boss, Next's route handlers in this process) reads it from here on.
    process.env.DATABASE_URL = databaseUrl;
    resetEnvForTests();
    isEmbedded = true;
    logger.info({ dataDir: env().dataDir }, "embedded PostgreSQL started");
  }
  const result = await migrateDatabase({ databaseUrl, migrationsDir: path.resolve("prisma/migrations") });
  if (result.applied.length > 0) logger.info({ applied: result.applied }, "migrations applied");
  return { databaseUrl, isEmbedded };
}

export async function stopEmbeddedDatabase(): Promise<void> {
  const embedded = globalForBoot.ringbackEmbedded;
  globalForBoot.ringbackEmbedded = undefined;
  await embedded?.stop();
}
