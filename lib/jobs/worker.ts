// Runs the handlers for every queue. The web process runs this in-process by default; `npm run worker` runs it alone.
//
// A quiet worker: a job reaches a worker because something woke it, not because it polled. A commit in this process
// wakes this process's workers at once (lib/db/outbox.ts); on a PostgreSQL server pg-boss's NOTIFY wakes the workers
// of every instance; a job this process delays (the AI's window, an escalation) wakes them by a timer when it is
// due. The poll is only the safety net (a retry's backoff, a job delayed by another instance): every fetch loop
// polls every BACKSTOP_POLL_SECONDS, and there are few loops, so an idle process makes under 2 fetches a second.
import type { Job, JobResult } from "pg-boss";
import { adoptOrphanedJobs, markWorkerStopped, registerWorker } from "@/lib/jobs/adopt-orphaned-jobs";
import { afterBossStop, getBoss, registerLocalWorker, wakeLocalWorkersLater } from "@/lib/jobs/boss";
import { jobHandlers } from "@/lib/jobs/handlers";
import { queues, type JobPayloads, type QueueName } from "@/lib/jobs/queues";
import { ADOPTION_INTERVAL_MS, JOB_HEARTBEAT_REFRESH_SECONDS } from "@/lib/jobs/recovery-timing";
import { logger } from "@/lib/log";
import { queueReconciliationSweep } from "@/lib/reconciliation/reconcile-job";
import { serializeError } from "@/lib/serialize-error";

const globalForWorker = globalThis as unknown as { ringbackWorkerStarted?: boolean };

export const BACKSTOP_POLL_SECONDS = 8;

/** pg-boss settles a batch (and writes a dead letter) right after the handlers return: wake its queue after that. */
const DEAD_LETTER_WAKE_MS = 1_000;

/**
 * Fetch loops per queue (each one idles on its own poll) and how many jobs one fetch claims; the jobs of a batch
 * run at the same time, and a loop fetches again once its whole batch is done. AI turns stream for seconds (a real
 * model takes one to five), so they get several loops with small batches: sixteen turns run at once (a burst of
 * customers is answered together, not four at a time), and a slow turn holds back only its own loop's next fetch.
 * pg-boss claims at most one job per thread in a batch (the queue is `stately`, keyed by thread).
 */
export const workerShape: Record<QueueName, { loops: number; batchSize: number; pollSeconds?: number }> = {
  "send-message": { loops: 1, batchSize: 20 },
  "process-inbound-message": { loops: 2, batchSize: 5 },
  "ai-turn": { loops: 4, batchSize: 4 },
  // Rare (an AI turn that failed for good). A final failure in this process wakes it (see runOne); one another
  // instance's worker or pg-boss's expiry failed is found by this slow safety poll.
  "ai-turn-failed": { loops: 1, batchSize: 5, pollSeconds: 60 },
  // Due minutes after it was queued, and this process's loop is woken when a job it queued falls due: a slow backstop
  // poll (for jobs another instance queued) is a few seconds late on a delay of minutes.
  "send-draft": { loops: 1, batchSize: 5, pollSeconds: 30 },
  "send-push": { loops: 1, batchSize: 10 },
  escalate: { loops: 1, batchSize: 5 },
  "follow-up": { loops: 1, batchSize: 5 },
  "deliver-webhook": { loops: 1, batchSize: 10 },
  "sweep-outbox": { loops: 1, batchSize: 1 },
  "prune-housekeeping": { loops: 1, batchSize: 1 },
  // Its jobs come from a minute's schedule or from this process's sweep (which wakes it): a slow safety poll.
  "reconcile-twilio": { loops: 1, batchSize: 2, pollSeconds: 60 },
};

/** The most job fetches a second the idle worker makes, from its shape. */
export function idleFetchesPerSecond(pollingIntervalSeconds = BACKSTOP_POLL_SECONDS): number {
  const handled = Object.keys(jobHandlers) as QueueName[];
  return handled.reduce((sum, name) => {
    const { loops, pollSeconds } = workerShape[name];
    return sum + loops / Math.max(pollSeconds ?? pollingIntervalSeconds, pollingIntervalSeconds);
  }, 0);
}

export async function startWorker({
  pollingIntervalSeconds = BACKSTOP_POLL_SECONDS,
}: { pollingIntervalSeconds?: number } = {}) {
  if (globalForWorker.ringbackWorkerStarted) return;
  globalForWorker.ringbackWorkerStarted = true;
  const boss = await getBoss();
  // Registered before the first fetch, then jobs a gone worker left active are adopted before this one takes any.
  const me = await registerWorker();
  const handled = Object.keys(jobHandlers) as QueueName[];
  await adoptOrphanedJobs(boss, me, handled).catch((error: unknown) =>
    logger.warn({ err: error }, "adopting orphaned jobs failed; the next pass tries again"),
  );
  let isAdopting = false;
  const adoption = setInterval(() => {
    if (isAdopting) return;
    isAdopting = true;
    adoptOrphanedJobs(boss, me, handled)
      .catch((error: unknown) => logger.warn({ err: error }, "adopting orphaned jobs failed"))
      .finally(() => (isAdopting = false));
  }, ADOPTION_INTERVAL_MS);
  adoption.unref();
  afterBossStop(async () => {
    clearInterval(adoption);
    await markWorkerStopped(me);
  });
  for (const [name, handler] of Object.entries(jobHandlers) as [
    QueueName,
    (data: never, job: Job) => Promise<void>,
  ][]) {
    const { loops, batchSize, pollSeconds } = workerShape[name];
    const pollEvery = Math.max(pollSeconds ?? pollingIntervalSeconds, pollingIntervalSeconds);
    const queue: { retryLimit?: number; deadLetter?: QueueName } | undefined = Object.values(queues).find(
      (candidate) => candidate.name === name,
    );
    const runOne = async (job: Job): Promise<JobResult> => {
      const started = Date.now();
      try {
        await handler(job.data as never, job);
        logger.debug({ job: name, id: job.id, ms: Date.now() - started }, "job done");
        return { id: job.id, status: "completed" };
      } catch (error) {
        logger.warn({ job: name, id: job.id, err: error, retry: job.retryCount }, "job failed; pg-boss retries it");
        // Its last attempt: pg-boss fails it for good and copies it to its dead letter queue.
        if (queue?.deadLetter && job.retryCount >= (queue.retryLimit ?? 0)) {
          wakeLocalWorkersLater(queue.deadLetter, DEAD_LETTER_WAKE_MS);
        }
        // pg-boss stores the output: only the safe parts of the error (lib/serialize-error.ts), never its request.
        return { id: job.id, status: "failed", output: { message: serializeError(error).message } };
      }
    };
    const options = {
      pollingIntervalSeconds: pollEvery,
      notifyPollingIntervalSeconds: pollEvery,
      batchSize,
      // A full batch means more may be waiting: fetch again at once instead of idling.
      burstWhenBatchFull: true,
      // Each job of a batch settles on its own: one failure retries that job, not its neighbours.
      perJobResults: true,
      // The heartbeat that tells a live worker's jobs from a gone one's (lib/jobs/adopt-orphaned-jobs.ts).
      heartbeatRefreshSeconds: JOB_HEARTBEAT_REFRESH_SECONDS,
    } as const;
    // One work() per loop (not localConcurrency), so a commit here can wake each loop by its id.
    for (let loop = 0; loop < loops; loop++) {
      const workerId = await boss.work(name, options, (jobs: Job[]) => Promise.all(jobs.map(runOne)));
      registerLocalWorker(name, workerId);
    }
  }
  await boss.schedule("sweep-outbox", "* * * * *", {});
  await boss.schedule("prune-housekeeping", "17 * * * *", {});
  // Reconciliation with Twilio: the sweep every minute queues the businesses that are due, and once now, for all.
  await boss.schedule("reconcile-twilio", "* * * * *", {}, { singletonKey: "sweep" });
  await queueReconciliationSweep({ force: true });
  logger.info({ idleFetchesPerSecond: idleFetchesPerSecond(pollingIntervalSeconds) }, "worker started");
}

export type JobHandler<Name extends QueueName> = (data: JobPayloads[Name], job: Job) => Promise<void>;
