// Runs the handlers for every queue. The web process runs this in-process by default; `npm run worker` runs it alone.
import type { Job } from "pg-boss";
import { getBoss, registerLocalWorker } from "@/lib/jobs/boss";
import { jobHandlers } from "@/lib/jobs/handlers";
import type { JobPayloads, QueueName } from "@/lib/jobs/queues";
import { logger } from "@/lib/log";

const globalForWorker = globalThis as unknown as { ringbackWorkerStarted?: boolean };

export async function startWorker({ pollingIntervalSeconds = 0.5 }: { pollingIntervalSeconds?: number } = {}) {
  if (globalForWorker.ringbackWorkerStarted) return;
  globalForWorker.ringbackWorkerStarted = true;
  const boss = await getBoss();
  for (const [name, handler] of Object.entries(jobHandlers) as [
    QueueName,
    (data: never, job: Job) => Promise<void>,
  ][]) {
    // After finishing a job a pg-boss worker waits out its interval before fetching again, and NOTIFY only wakes
    // idle workers: under a burst a 30 s "notify" interval left jobs waiting. Poll as often either way.
    const polling = { pollingIntervalSeconds, notifyPollingIntervalSeconds: pollingIntervalSeconds };
    const workerId = await boss.work(name, { ...polling, batchSize: 1, localConcurrency: 8 }, async ([job]) => {
      if (!job) return;
      const started = Date.now();
      try {
        await handler(job.data as never, job as Job);
        logger.debug({ job: name, id: job.id, ms: Date.now() - started }, "job done");
      } catch (error) {
        logger.warn({ job: name, id: job.id, err: error, retry: job.retryCount }, "job failed; pg-boss retries it");
        throw error;
      }
    });
    registerLocalWorker(name, workerId);
  }
  await boss.schedule("sweep-outbox", "* * * * *", {});
  logger.info("worker started");
}

export type JobHandler<Name extends QueueName> = (data: JobPayloads[Name], job: Job) => Promise<void>;
