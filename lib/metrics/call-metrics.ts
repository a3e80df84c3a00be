// Call capture rate and response time (success metrics), as SQL aggregates over the period's missed calls.
// Decisions: a missed call belongs to the period of its createdAt (the index; detection follows within seconds).
// "Could be texted" = missed, not a test, no skip reason. Every skipped call except repeat callers is listed
// separately with its reason (opted_out, anonymous, invalid_number, landline, rejected, ignored, own_number).
// Repeat callers inside the repeat window were already texted for their first call: neither captured nor excluded.
import { Prisma } from "@prisma/client";
import { db } from "@/lib/db/client";
import type { MetricPeriod } from "@/lib/metrics/metric-period";
import { ratio, sqlInstant, toNumberOrNull } from "@/lib/metrics/sql-time";

export function missedCallsWhere(businessId: string, period: MetricPeriod): Prisma.Sql {
  return Prisma.sql`c."businessId" = ${businessId} AND c."isMissed" = true AND c."isTest" = false
    AND c."createdAt" >= ${sqlInstant(period.from)} AND c."createdAt" < ${sqlInstant(period.to)}`;
}

export const responseBuckets = [
  { label: "< 1 s", max: 1 },
  { label: "1–2 s", max: 2 },
  { label: "2–5 s", max: 5 },
  { label: "5–10 s", max: 10 },
  { label: "10–30 s", max: 30 },
  { label: "30–60 s", max: 60 },
  { label: "> 60 s", max: null },
] as const;

export async function getCallMetrics({ businessId, period }: { businessId: string; period: MetricPeriod }) {
  const where = missedCallsWhere(businessId, period);
  const latency = Prisma.sql`extract(epoch from (c."smsAcceptedAt" - c."detectedAt"))`;
  const [totals] = await db.$queryRaw<
    { missed: number; textable: number; captured: number; repeats: number; p50: number | null; p95: number | null }[]
  >`
    SELECT count(*)::int AS missed,
      count(*) FILTER (WHERE c."skipReason" IS NULL)::int AS textable,
      count(*) FILTER (WHERE c."skipReason" IS NULL AND c."smsAcceptedAt" IS NOT NULL)::int AS captured,
      count(*) FILTER (WHERE c."skipReason" = 'repeat_caller')::int AS repeats,
      (percentile_cont(0.5) WITHIN GROUP (ORDER BY ${latency})
        FILTER (WHERE c."skipReason" IS NULL AND c."smsAcceptedAt" IS NOT NULL AND c."detectedAt" IS NOT NULL))::float8 AS p50,
      (percentile_cont(0.95) WITHIN GROUP (ORDER BY ${latency})
        FILTER (WHERE c."skipReason" IS NULL AND c."smsAcceptedAt" IS NOT NULL AND c."detectedAt" IS NOT NULL))::float8 AS p95
    FROM "Call" c WHERE ${where}`;
  const excluded = await db.$queryRaw<{ reason: string; count: number }[]>`
    SELECT c."skipReason"::text AS reason, count(*)::int AS count FROM "Call" c
    WHERE ${where} AND c."skipReason" IS NOT NULL AND c."skipReason" <> 'repeat_caller'
    GROUP BY 1 ORDER BY 2 DESC, 1`;
  const bucketCase = Prisma.join(
    responseBuckets.map((bucket, index) =>
      bucket.max === null ? Prisma.sql`ELSE ${index}` : Prisma.sql`WHEN ${latency} < ${bucket.max} THEN ${index}`,
    ),
    " ",
  );
  const histogramRows = await db.$queryRaw<{ bucket: number; count: number }[]>`
    SELECT (CASE ${bucketCase} END)::int AS bucket, count(*)::int AS count FROM "Call" c
    WHERE ${where} AND c."skipReason" IS NULL AND c."smsAcceptedAt" IS NOT NULL AND c."detectedAt" IS NOT NULL
    GROUP BY 1`;
  const t = totals ?? { missed: 0, textable: 0, captured: 0, repeats: 0, p50: null, p95: null };
  return {
    missedCalls: t.missed,
    textableCalls: t.textable,
    capturedCalls: t.captured,
    repeatCalls: t.repeats,
    captureRate: ratio(t.captured, t.textable),
    excludedByReason: excluded,
    responseP50Seconds: toNumberOrNull(t.p50),
    responseP95Seconds: toNumberOrNull(t.p95),
    responseHistogram: responseBuckets.map((bucket, index) => ({
      label: bucket.label,
      count: histogramRows.find((row) => row.bucket === index)?.count ?? 0,
    })),
  };
}
