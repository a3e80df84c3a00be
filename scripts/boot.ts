// What every entry point does before it serves: database up, migrations applied, bootstrap, worker started.
import { resolveAuthSecret } from "@/lib/auth/secret";
import { bootstrapBusiness } from "@/lib/business/bootstrap-business";
import { bootDatabase } from "@/lib/db/boot";
import { assertProductionConfig, env, resetEnvForTests } from "@/lib/env";
import { getBoss } from "@/lib/jobs/boss";
import { startWorker } from "@/lib/jobs/worker";
import { logger } from "@/lib/log";

export async function bootApp({ runWorker }: { runWorker: boolean }) {
  const started = Date.now();
  assertProductionConfig();
  // next-auth and the route handlers read the secret from the environment; a generated one is kept in DATA_DIR.
  // Resolved before the embedded database sets DATABASE_URL, which would make a missing secret fatal in production.
  process.env.AUTH_SECRET = resolveAuthSecret();
  resetEnvForTests();
  const database = await bootDatabase({ prepareFreshInChild: true });
  process.env.NEXTAUTH_URL ??= env().publicBaseUrl;
  resetEnvForTests();
  await bootstrapBusiness();
  // The queue starts before anything serves: a first start inside a request's transaction would stall it.
  await getBoss();
  if (runWorker) await startWorker();
  logger.info({ ms: Date.now() - started, embedded: database.isEmbedded, worker: runWorker }, "ready to serve");
  return database;
}
