// npm run worker — the background worker alone (for scale: run web instances with RUN_WORKER=false).
import { bootDatabase } from "@/lib/db/boot";
import { env } from "@/lib/env";
import { stopServer } from "@/lib/lifecycle/stop-server";
import { startWorker } from "@/lib/jobs/worker";
import { logger } from "@/lib/log";
import { exitOnStartupError } from "./exit-on-startup-error";

async function main() {
  if (!env().databaseUrl) {
    throw new Error("npm run worker needs DATABASE_URL: the embedded database belongs to the web process.");
  }
  await bootDatabase();
  await startWorker();
  let isStopping = false;
  const stop = async (signal: string) => {
    if (isStopping) return;
    isStopping = true;
    await stopServer({ server: null, signal });
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
  logger.info("worker running; Ctrl-C to stop");
}

main().catch(exitOnStartupError);
