// The `reconcile-twilio` job. Without a business it is the sweep: at boot (forced) and every minute (pg-boss's
// schedule), it queues one run for each business with a number whose last run is older than
// TWILIO_RECONCILE_INTERVAL_SECONDS. With a business it is that run. The queue is `stately` and each job carries a
// singleton key (the sweep's, or the business's), so across every instance at most one run per business is active
// and one waits: two instances never reconcile the same business at once. Only with Twilio credentials (the
// simulator has no records to read back) and an interval above 0.
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { enqueue } from "@/lib/jobs/boss";
import type { JobPayloads } from "@/lib/jobs/queues";
import { logger } from "@/lib/log";
import { reconcileBusiness } from "@/lib/reconciliation/reconcile-business";
import { serializeError } from "@/lib/serialize-error";

/** A run a little early still counts as due: the sweep runs on the minute, runs take a moment. */
const DUE_SLACK_MS = 5_000;

export function isReconciliationOn(): boolean {
  const { isSimulator, reconcileIntervalSeconds } = env().twilio;
  return !isSimulator && reconcileIntervalSeconds > 0;
}

/** Queues the sweep now (at boot: every business runs, whatever its last run). */
export async function queueReconciliationSweep({ force = false }: { force?: boolean } = {}) {
  if (!isReconciliationOn()) return null;
  return enqueue("reconcile-twilio", { force }, { singletonKey: "sweep" });
}

export async function reconcileTwilioJob(data: JobPayloads["reconcile-twilio"]): Promise<void> {
  if (!isReconciliationOn()) return;
  if (!data.businessId) {
    await sweep({ force: Boolean(data.force) });
    return;
  }
  try {
    await reconcileBusiness(data.businessId);
  } catch (error) {
    // The next run (interval, or the next boot) tries again from the same checkpoints: nothing is lost by waiting.
    const safe = serializeError(error);
    logger.warn({ businessId: data.businessId, err: error }, "reconciliation with Twilio failed; the next run retries");
    await db.twilioReconciliation.upsert({
      where: { businessId: data.businessId },
      create: { businessId: data.businessId, lastRunAt: new Date(), lastRunOk: false, lastError: safe.message },
      update: { lastRunAt: new Date(), lastRunOk: false, lastError: safe.message },
    });
  }
}

async function sweep({ force }: { force: boolean }) {
  const intervalMs = env().twilio.reconcileIntervalSeconds * 1000;
  const dueBefore = new Date(Date.now() - intervalMs + DUE_SLACK_MS);
  const businesses = await db.business.findMany({
    where: {
      phoneNumbers: { some: {} },
      ...(force
        ? {}
        : {
            OR: [
              { twilioReconciliation: { is: null } },
              { twilioReconciliation: { lastRunAt: null } },
              { twilioReconciliation: { lastRunAt: { lte: dueBefore } } },
            ],
          }),
    },
    select: { id: true },
    // The longest unreconciled first; among those never run, the newest business (just connected) first.
    orderBy: [{ twilioReconciliation: { lastRunAt: { sort: "asc", nulls: "first" } } }, { createdAt: "desc" }],
  });
  for (const business of businesses) {
    await enqueue("reconcile-twilio", { businessId: business.id }, { singletonKey: `business:${business.id}` });
  }
}
