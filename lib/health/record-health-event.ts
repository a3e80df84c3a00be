// Health signals as counters: one row per kind, business and hour, incremented in place. A flood of unsigned
// webhooks (anyone can send them) costs one row per hour, not one per request; prune-housekeeping drops old hours.
import { db } from "@/lib/db/client";

export type HealthKind = "signature_failure" | "unknown_number" | "twilio_fallback";

export async function recordHealthEvent({ kind, businessId }: { kind: HealthKind; businessId?: string | null }) {
  await db.$executeRaw`
    INSERT INTO "HealthCounter" (kind, scope, "windowStart", count, "lastAt")
    VALUES (${kind}, ${businessId ?? ""}, date_trunc('hour', now()), 1, now())
    ON CONFLICT (kind, scope, "windowStart") DO UPDATE SET count = "HealthCounter".count + 1, "lastAt" = now()`;
}

/** How many events of these kinds since `since` (hour granularity), for one business and the unattributed ones. */
export async function countHealthEvents({
  kinds,
  since,
  businessId,
}: {
  kinds: HealthKind[];
  since: Date;
  businessId?: string;
}): Promise<Record<string, number>> {
  const rows = await db.healthCounter.groupBy({
    by: ["kind"],
    where: {
      kind: { in: kinds },
      // the hour that contains `since` counts whole: a counter knows its hour, not its minutes
      windowStart: { gte: new Date(Math.floor(since.getTime() / 3_600_000) * 3_600_000) },
      ...(businessId === undefined ? {} : { scope: { in: [businessId, ""] } }),
    },
    _sum: { count: true },
  });
  return Object.fromEntries(kinds.map((kind) => [kind, rows.find((row) => row.kind === kind)?._sum.count ?? 0]));
}
