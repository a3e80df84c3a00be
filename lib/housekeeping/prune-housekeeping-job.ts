// The `prune-housekeeping` job (hourly): drops what only grows. Health counters older than the health panel looks
// (30 days, well past its 7-day window) and rate-limit rows whose window and delay have both passed.
import { db } from "@/lib/db/client";
import { logger } from "@/lib/log";

export const HEALTH_RETENTION_DAYS = 30;

export async function pruneHousekeepingJob(now = new Date()) {
  const healthBefore = new Date(now.getTime() - HEALTH_RETENTION_DAYS * 86_400_000);
  const [health, rateLimits] = await Promise.all([
    db.healthCounter.deleteMany({ where: { windowStart: { lt: healthBefore } } }),
    db.rateLimit.deleteMany({ where: { expiresAt: { lt: now } } }),
  ]);
  if (health.count + rateLimits.count > 0) {
    logger.info({ healthCounters: health.count, rateLimits: rateLimits.count }, "housekeeping pruned old rows");
  }
  return { healthCounters: health.count, rateLimits: rateLimits.count };
}
