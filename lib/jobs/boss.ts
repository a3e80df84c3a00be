// The durable job queue: pg-boss on the same PostgreSQL. Jobs survive restarts and are claimed by one worker
// at a time across instances (SKIP LOCKED), so a second server neither loses nor duplicates them.
import { PgBoss, fromPrisma, type PrismaTransactionLike, type SendOptions } from "pg-boss";
import { isEmbeddedUrl } from "@/lib/db/client";
import { env } from "@/lib/env";
import { queues, type JobPayloads, type QueueName } from "@/lib/jobs/queues";
import { logger } from "@/lib/log";

const globalForBoss = globalThis as unknown as { ringbackBoss?: Promise<PgBoss>; ringbackWorkerStarted?: boolean };

async function createBoss(): Promise<PgBoss> {
  const databaseUrl = env().databaseUrl;
  if (!databaseUrl) throw new Error("DATABASE_URL is not set: boot the database before the job queue.");
  const isEmbedded = isEmbeddedUrl(databaseUrl);
  const boss = new PgBoss({
    connectionString: databaseUrl,
    max: isEmbedded ? 2 : 6,
    schema: "pgboss",
    // LISTEN/NOTIFY wakes workers the moment a job is created on a real server; the embedded server's
    // connections share one session, so there it polls.
    useListenNotify: !isEmbedded,
    supervise: true,
    schedule: true,
  });
  boss.on("error", (error) => logger.error({ err: error }, "job queue error"));
  await boss.start();
  for (const queue of Object.values(queues)) {
    const { name, ...options } = queue;
    await boss.createQueue(name, { ...options, notify: !isEmbedded } as Parameters<PgBoss["createQueue"]>[1]);
  }
  return boss;
}

/** The started queue (created on first use, once per process). */
export function getBoss(): Promise<PgBoss> {
  globalForBoss.ringbackBoss ??= createBoss().catch((error: unknown) => {
    globalForBoss.ringbackBoss = undefined;
    throw error;
  });
  return globalForBoss.ringbackBoss;
}

/**
 * Enqueues a job. Pass `tx` (a Prisma interactive transaction) to insert the job in the same transaction as the
 * rows it works on: both commit or neither does.
 */
export async function enqueue<Name extends QueueName>(
  name: Name,
  data: JobPayloads[Name],
  options: SendOptions & { tx?: PrismaTransactionLike } = {},
): Promise<string | null> {
  const { tx, ...sendOptions } = options;
  const boss = await getBoss();
  return boss.send(name, data, tx ? { ...sendOptions, db: fromPrisma(tx) } : sendOptions);
}

export async function stopBoss(): Promise<void> {
  const pending = globalForBoss.ringbackBoss;
  globalForBoss.ringbackBoss = undefined;
  // Workers live on the stopped instance: a later startWorker() must register them again.
  globalForBoss.ringbackWorkerStarted = false;
  if (!pending) return;
  const boss = await pending.catch(() => undefined);
  await boss?.stop({ graceful: true, close: true, timeout: 5_000 });
}
