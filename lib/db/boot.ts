// Brings the database up before anything serves: the embedded server when DATABASE_URL is unset, then migrations.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { isFreshDataDir, startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded";
import { migrateDatabase } from "@/lib/db/migrate";
import { env, resetEnvForTests } from "@/lib/env";
import { logger } from "@/lib/log";

const globalForBoot = globalThis as unknown as { ringbackEmbedded?: EmbeddedDatabase };

/**
 * Returns the database URL in use; starts embedded PostgreSQL in DATA_DIR when none is configured.
 * `prepareFreshInChild`: on a DATA_DIR PostgreSQL never ran in, initdb and the migrations run first in a short-lived
 * child process (scripts/prepare-embedded.ts). PGlite's memory only grows and is never given back, and initdb and
 * creating the schema are its biggest work: done in a process that then exits, the server starts on the ready
 * directory as on any restart (about 50 MB less at its peak under load). If the child fails, the same work is done
 * here, as before.
 */
export async function bootDatabase({ prepareFreshInChild = false }: { prepareFreshInChild?: boolean } = {}): Promise<{
  databaseUrl: string;
  isEmbedded: boolean;
}> {
  let databaseUrl = env().databaseUrl;
  let isEmbedded = false;
  if (!databaseUrl) {
    const { dataDir } = env();
    if (prepareFreshInChild && !globalForBoot.ringbackEmbedded && isFreshDataDir(dataDir)) {
      const isPrepared = await prepareInChild(dataDir);
      if (!isPrepared) logger.warn("preparing the embedded database in a child process failed; doing it here");
    }
    globalForBoot.ringbackEmbedded ??= await startEmbeddedDatabase({ dataDir });
    databaseUrl = globalForBoot.ringbackEmbedded.url;
    // Everything else (Prisma, pg-boss, Next's route handlers in this process) reads it from here on.
    process.env.DATABASE_URL = databaseUrl;
    resetEnvForTests();
    isEmbedded = true;
    logger.info({ dataDir: env().dataDir }, "embedded PostgreSQL started");
  }
  const result = await migrateToLatest(databaseUrl);
  if (result.applied.length > 0) logger.info({ applied: result.applied }, "migrations applied");
  return { databaseUrl, isEmbedded };
}

/** Applies the migrations in prisma/migrations that `databaseUrl` does not have yet. */
export function migrateToLatest(databaseUrl: string) {
  return migrateDatabase({ databaseUrl, migrationsDir: path.resolve("prisma/migrations") });
}

/** Runs scripts/prepare-embedded.ts with this process's Node, flags and environment; true when it succeeded. */
function prepareInChild(dataDir: string): Promise<boolean> {
  const script = path.resolve("scripts/prepare-embedded.ts");
  if (!fs.existsSync(script)) return Promise.resolve(false);
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, script], {
      env: { ...process.env, DATA_DIR: dataDir },
      stdio: ["ignore", "inherit", "inherit"],
    });
    child.once("error", () => resolve(false));
    child.once("exit", (code) => {
      if (code === 0) logger.info({ ms: Date.now() - started }, "embedded PostgreSQL initialised in a child process");
      resolve(code === 0);
    });
  });
}

export async function stopEmbeddedDatabase(): Promise<void> {
  const embedded = globalForBoot.ringbackEmbedded;
  globalForBoot.ringbackEmbedded = undefined;
  await embedded?.stop();
}
