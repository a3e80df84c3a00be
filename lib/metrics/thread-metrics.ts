// Conversation conversion and takeover time (success metrics).
// Conversion: threads auto-texted in the period (autoTextedAt) that got at least one customer reply ÷ those threads;
// threads opened only by test calls are left out.
// Takeover: one takeover is measured once, from the earliest notification of that thread it answered (several
// members are notified at once; the first tap ends the wait for all of them). Test notifications are left out.
import { Prisma } from "@prisma/client";
import { db } from "@/lib/db/client";
import type { MetricPeriod } from "@/lib/metrics/metric-period";
import { ratio, sqlInstant, toNumberOrNull } from "@/lib/metrics/sql-time";

export const takeoverBuckets = [
  { label: "< 15 s", max: 15 },
  { label: "15–30 s", max: 30 },
  { label: "30–60 s", max: 60 },
  { label: "1–2 min", max: 120 },
  { label: "2–5 min", max: 300 },
  { label: "> 5 min", max: null },
] as const;

function takeoversCte(businessId: string, period: MetricPeriod): Prisma.Sql {
  return Prisma.sql`WITH takeovers AS (
    SELECT extract(epoch from (n."takeoverAt" - min(n."sentAt")))::float8 AS seconds
    FROM "Notification" n
    WHERE n."businessId" = ${businessId} AND n."kind" <> 'test' AND n."takeoverAt" IS NOT NULL
      AND n."sentAt" >= ${sqlInstant(period.from)} AND n."sentAt" < ${sqlInstant(period.to)}
    GROUP BY coalesce(n."threadId", n.id), n."takeoverAt")`;
}

export async function getThreadMetrics({ businessId, period }: { businessId: string; period: MetricPeriod }) {
  const [conversion] = await db.$queryRaw<{ texted: number; replied: number }[]>`
    SELECT count(*)::int AS texted, count(*) FILTER (WHERE t."firstCustomerReplyAt" IS NOT NULL)::int AS replied
    FROM "Thread" t
    WHERE t."businessId" = ${businessId} AND t."autoTextedAt" >= ${sqlInstant(period.from)}
      AND t."autoTextedAt" < ${sqlInstant(period.to)}
      AND NOT EXISTS (SELECT 1 FROM "Call" c WHERE c."threadId" = t.id AND c."isTest" = true)`;
  const [takeover] = await db.$queryRaw<{ count: number; avg: number | null; p90: number | null }[]>`
    ${takeoversCte(businessId, period)}
    SELECT count(*)::int AS count, avg(seconds)::float8 AS avg,
      (percentile_cont(0.9) WITHIN GROUP (ORDER BY seconds))::float8 AS p90
    FROM takeovers`;
  const bucketCase = Prisma.join(
    takeoverBuckets.map((bucket, index) =>
      bucket.max === null ? Prisma.sql`ELSE ${index}` : Prisma.sql`WHEN seconds < ${bucket.max} THEN ${index}`,
    ),
    " ",
  );
  const histogramRows = await db.$queryRaw<{ bucket: number; count: number }[]>`
    ${takeoversCte(businessId, period)}
    SELECT (CASE ${bucketCase} END)::int AS bucket, count(*)::int AS count FROM takeovers GROUP BY 1`;
  const texted = conversion?.texted ?? 0;
  const replied = conversion?.replied ?? 0;
  return {
    threadsAutoTexted: texted,
    threadsReplied: replied,
    conversionRate: ratio(replied, texted),
    takeovers: takeover?.count ?? 0,
    takeoverAvgSeconds: toNumberOrNull(takeover?.avg),
    takeoverP90Seconds: toNumberOrNull(takeover?.p90),
    takeoverHistogram: takeoverBuckets.map((bucket, index) => ({
      label: bucket.label,
      count: histogramRows.find((row) => row.bucket === index)?.count ?? 0,
    })),
  };
}
