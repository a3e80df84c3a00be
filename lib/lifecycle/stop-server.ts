// SIGTERM (a deploy) or Ctrl-C: stop in an order that loses nothing, within bounds a platform's grace period allows.
//   1. stop taking work: the listener closes (a load balancer sends new calls elsewhere), idle keep-alives drop
//   2. open live streams get a 1 s retry hint and end, so browsers reconnect at once (to another instance)
//   3. requests in flight (a webhook being answered) finish, up to 3 s
//   4. the worker drains: a job in flight (an SMS being sent) finishes, up to WORKER_DRAIN_MS (10.5 s: the Twilio
//      timeout and storing the result); nothing new is fetched
//   5. then the database closes (the live-event connections, the pool, the embedded server)
// Idle, this takes well under 5 s; with work in flight, under 15 s. A hard limit ends the process at 14 s whatever
// hangs (a job still running then is adopted by the next worker: lib/jobs/adopt-orphaned-jobs.ts).
import type { Server } from "node:http";
import { stopEmbeddedDatabase } from "@/lib/db/boot";
import { disconnectDb } from "@/lib/db/client";
import { closeBus } from "@/lib/events/bus";
import { stopBoss } from "@/lib/jobs/boss";
import { WORKER_DRAIN_MS } from "@/lib/jobs/recovery-timing";
import { closeLiveStreamsForShutdown } from "@/lib/lifecycle/shutdown";
import { logger } from "@/lib/log";

const REQUEST_DRAIN_MS = 3_000;
const HARD_LIMIT_MS = 14_000;

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/** Waits until `inFlight()` is 0 (checked every 25 ms), at most `ms`. */
async function waitForIdle(inFlight: () => number, ms: number) {
  const deadline = Date.now() + ms;
  while (inFlight() > 0 && Date.now() < deadline) await delay(25);
}

export async function stopServer({
  server,
  inFlightRequests = () => 0,
  signal,
}: {
  server: Server | null;
  /** requests being answered right now (keep-alive connections waiting for the next one do not count) */
  inFlightRequests?: () => number;
  signal: string;
}): Promise<void> {
  const startedAt = Date.now();
  const elapsed = () => Date.now() - startedAt;
  setTimeout(() => {
    logger.error({ ms: elapsed() }, "shutdown: hard limit reached, exiting now");
    process.exit(1);
  }, HARD_LIMIT_MS).unref();
  logger.info({ signal }, "shutdown: no new work");
  server?.close();
  server?.closeIdleConnections();
  const streams = closeLiveStreamsForShutdown();
  logger.info({ streams, ms: elapsed() }, "shutdown: live streams closed");
  await waitForIdle(inFlightRequests, REQUEST_DRAIN_MS);
  server?.closeAllConnections();
  logger.info({ ms: elapsed() }, "shutdown: requests drained");
  await stopBoss({ drainMs: WORKER_DRAIN_MS }).catch((error: unknown) => logger.warn({ err: error }, "worker stop"));
  logger.info({ ms: elapsed() }, "shutdown: worker drained");
  await closeBus().catch(() => undefined);
  await disconnectDb().catch(() => undefined);
  await stopEmbeddedDatabase().catch(() => undefined);
  logger.info({ ms: elapsed() }, "shutdown: database closed, exiting");
}
