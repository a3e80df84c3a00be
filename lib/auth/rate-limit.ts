// Counters in PostgreSQL, so every instance counts the same attempts. Each row carries its expiry; the
// prune-housekeeping job deletes expired ones, so made-up keys (emails nobody has) cannot pile up.
import { Prisma } from "@prisma/client";
import { db } from "@/lib/db/client";

/** Counts one attempt; returns false when `key` has used up `limit` attempts in the current fixed window. */
export async function consumeRateLimit({
  key,
  limit,
  windowSeconds,
}: {
  key: string;
  limit: number;
  windowSeconds: number;
}): Promise<boolean> {
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimit" (key, count, "windowStart", "expiresAt")
    VALUES (${key}, 1, now(), now() + make_interval(secs => ${windowSeconds}))
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN "RateLimit"."windowStart" < now() - make_interval(secs => ${windowSeconds}) THEN 1 ELSE "RateLimit".count + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" < now() - make_interval(secs => ${windowSeconds}) THEN now() ELSE "RateLimit"."windowStart" END,
      "expiresAt" = CASE WHEN "RateLimit"."windowStart" < now() - make_interval(secs => ${windowSeconds}) THEN now() ELSE "RateLimit"."windowStart" END
        + make_interval(secs => ${windowSeconds})
    RETURNING count`;
  return (rows[0]?.count ?? 0) <= limit;
}

/** Attempts that go free before the delay starts, and the longest delay (seconds). */
export const FREE_ATTEMPTS = 3;
export const MAX_DELAY_SECONDS = 15 * 60;

/**
 * A progressive delay: the first FREE_ATTEMPTS attempts under `key` in the window go at once; after the n-th, the
 * next may come only 2^(n-FREE_ATTEMPTS-1) s later (1, 2, 4 … up to 15 min). An attempt inside the delay is refused
 * and not counted. Atomic (one statement), so parallel attempts cannot slip past the delay together.
 * Returns null when allowed, or the seconds to wait.
 */
export async function consumeProgressiveDelay({
  key,
  windowSeconds,
}: {
  key: string;
  windowSeconds: number;
}): Promise<number | null> {
  const isNewWindow = Prisma.sql`r."windowStart" < now() - make_interval(secs => ${windowSeconds})`;
  const nextCount = Prisma.sql`CASE WHEN ${isNewWindow} THEN 1 ELSE r.count + 1 END`;
  const delaySeconds = Prisma.sql`CASE WHEN ${nextCount} <= ${FREE_ATTEMPTS} THEN 0
    ELSE least(power(2, ${nextCount} - ${FREE_ATTEMPTS} - 1), ${MAX_DELAY_SECONDS}) END`;
  // The WHERE makes a blocked attempt a no-op: no row comes back, nothing is counted.
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimit" AS r (key, count, "windowStart", "blockedUntil", "expiresAt")
    VALUES (${key}, 1, now(), now(), now() + make_interval(secs => ${windowSeconds}))
    ON CONFLICT (key) DO UPDATE SET
      count = ${nextCount},
      "windowStart" = CASE WHEN ${isNewWindow} THEN now() ELSE r."windowStart" END,
      "blockedUntil" = now() + make_interval(secs => ${delaySeconds}),
      "expiresAt" = now() + make_interval(secs => greatest(${windowSeconds}, ${delaySeconds}))
    WHERE r."blockedUntil" IS NULL OR r."blockedUntil" <= now()
    RETURNING count`;
  if (rows.length > 0) return null;
  const [blocked] = await db.$queryRaw<{ seconds: number }[]>`
    SELECT greatest(1, ceil(extract(epoch FROM "blockedUntil" - now())))::int AS seconds FROM "RateLimit" WHERE key = ${key}`;
  return blocked?.seconds ?? 1;
}

export async function resetRateLimit(key: string): Promise<void> {
  await db.rateLimit.deleteMany({ where: { key } });
}
