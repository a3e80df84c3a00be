// The dashboard's figures counted the slow way, straight from Call, Lead, Thread: the queries the metrics ran before
// the rollups. The rollup exactness test compares getMetrics with this over randomised data.
import { sql } from "kysely";
import { sqlDb } from "@/lib/db/kysely";
import type { MetricPeriod } from "@/lib/metrics/metric-period";

const customer = sql`l.phone NOT LIKE '+1500555%'`;

export async function recountMetrics(businessId: string, period: MetricPeriod) {
  const db = sqlDb();
  const from = period.from;
  const to = period.to;
  const tz = period.timeZone;
  const missed = sql`c."businessId" = ${businessId} AND c."isMissed" = true AND c."isTest" = false
    AND c."createdAt" >= ${from} AND c."createdAt" < ${to}`;
  const latency = sql`extract(epoch from (c."smsAcceptedAt" - c."detectedAt"))`;
  const localDay = (column: string) => sql`((${sql.raw(column)} AT TIME ZONE 'UTC') AT TIME ZONE ${tz})::date`;
  const calls = (
    await sql<{
      missed: number;
      textable: number;
      captured: number;
      repeats: number;
      p50: number | null;
      p95: number | null;
    }>`
    SELECT count(*)::int AS missed,
      count(*) FILTER (WHERE c."skipReason" IS NULL)::int AS textable,
      count(*) FILTER (WHERE c."skipReason" IS NULL AND c."smsAcceptedAt" IS NOT NULL)::int AS captured,
      count(*) FILTER (WHERE c."skipReason" = 'repeat_caller')::int AS repeats,
      (percentile_cont(0.5) WITHIN GROUP (ORDER BY ${latency})
        FILTER (WHERE c."skipReason" IS NULL AND c."smsAcceptedAt" IS NOT NULL AND c."detectedAt" IS NOT NULL))::float8 AS p50,
      (percentile_cont(0.95) WITHIN GROUP (ORDER BY ${latency})
        FILTER (WHERE c."skipReason" IS NULL AND c."smsAcceptedAt" IS NOT NULL AND c."detectedAt" IS NOT NULL))::float8 AS p95
    FROM "Call" c WHERE ${missed}`.execute(db)
  ).rows[0]!;
  const excluded = (
    await sql<{ reason: string; count: number }>`
    SELECT c."skipReason"::text AS reason, count(*)::int AS count FROM "Call" c
    WHERE ${missed} AND c."skipReason" IS NOT NULL AND c."skipReason" <> 'repeat_caller'
    GROUP BY 1 ORDER BY 2 DESC, c."skipReason"::text COLLATE "C"`.execute(db)
  ).rows;
  const latencies = (
    await sql<{ seconds: number }>`
    SELECT ${latency}::float8 AS seconds FROM "Call" c
    WHERE ${missed} AND c."skipReason" IS NULL AND c."smsAcceptedAt" IS NOT NULL AND c."detectedAt" IS NOT NULL`.execute(
      db,
    )
  ).rows.map((row) => row.seconds);
  const conversion = (
    await sql<{ texted: number; replied: number }>`
    SELECT count(*)::int AS texted, count(*) FILTER (WHERE t."firstCustomerReplyAt" IS NOT NULL)::int AS replied
    FROM "Thread" t
    WHERE t."businessId" = ${businessId} AND t."autoTextedAt" >= ${from} AND t."autoTextedAt" < ${to}
      AND NOT EXISTS (SELECT 1 FROM "Call" c WHERE c."threadId" = t.id AND c."isTest" = true)`.execute(db)
  ).rows[0]!;
  const previousFrom = new Date(from.getTime() - (to.getTime() - from.getTime()));
  const leadRows = (
    await sql<{ status: string; current: number; previous: number }>`
    SELECT l."status"::text AS status,
      count(*) FILTER (WHERE l."createdAt" >= ${from})::int AS current,
      count(*) FILTER (WHERE l."createdAt" < ${from})::int AS previous
    FROM "Lead" l
    WHERE l."businessId" = ${businessId} AND l."createdAt" >= ${previousFrom} AND l."createdAt" < ${to} AND ${customer}
    GROUP BY 1`.execute(db)
  ).rows;
  const revenue = (
    await sql<{ cents: number; won: number }>`
    SELECT coalesce(sum(l."valueCents"), 0)::float8 AS cents, count(*)::int AS won FROM "Lead" l
    WHERE l."businessId" = ${businessId} AND l."status" = 'won' AND l."source" = 'call'
      AND l."closedAt" >= ${from} AND l."closedAt" < ${to} AND ${customer}`.execute(db)
  ).rows[0]!;
  const daily = (
    await sql<Record<string, number | string>>`
    WITH days AS (
      SELECT generate_series(${period.fromDay}::date, ${period.toDay}::date, interval '1 day')::date AS day
    ), calls AS (
      SELECT ${localDay('c."createdAt"')} AS day,
        count(*) FILTER (WHERE c."skipReason" IS DISTINCT FROM 'repeat_caller') AS missed,
        count(*) FILTER (WHERE c."skipReason" IS NULL) AS textable,
        count(*) FILTER (WHERE c."skipReason" IS NULL AND c."smsAcceptedAt" IS NOT NULL) AS captured
      FROM "Call" c WHERE ${missed} GROUP BY 1
    ), revenue AS (
      SELECT ${localDay('l."closedAt"')} AS day, sum(l."valueCents") AS cents
      FROM "Lead" l WHERE l."businessId" = ${businessId} AND l."status" = 'won' AND l."source" = 'call'
        AND l."closedAt" >= ${from} AND l."closedAt" < ${to} AND ${customer} GROUP BY 1
    ), leads AS (
      SELECT ${localDay('l."createdAt"')} AS day,
        count(*) FILTER (WHERE l."status" = 'new') AS n, count(*) FILTER (WHERE l."status" = 'contacted') AS c,
        count(*) FILTER (WHERE l."status" = 'qualified') AS q, count(*) FILTER (WHERE l."status" = 'won') AS w,
        count(*) FILTER (WHERE l."status" = 'lost') AS x
      FROM "Lead" l WHERE l."businessId" = ${businessId} AND l."createdAt" >= ${from} AND l."createdAt" < ${to}
        AND ${customer} GROUP BY 1
    )
    SELECT to_char(days.day, 'YYYY-MM-DD') AS day,
      coalesce(calls.missed, 0)::int AS missed, coalesce(calls.textable, 0)::int AS textable,
      coalesce(calls.captured, 0)::int AS captured, coalesce(revenue.cents, 0)::float8 AS "revenueCents",
      coalesce(leads.n, 0)::int AS "leadsNew", coalesce(leads.c, 0)::int AS "leadsContacted",
      coalesce(leads.q, 0)::int AS "leadsQualified", coalesce(leads.w, 0)::int AS "leadsWon",
      coalesce(leads.x, 0)::int AS "leadsLost"
    FROM days LEFT JOIN calls USING (day) LEFT JOIN revenue USING (day) LEFT JOIN leads USING (day)
    ORDER BY days.day`.execute(db)
  ).rows;
  const funnel = (
    await sql<{ missed: number; texted: number; replied: number; qualified: number; won: number }>`
    WITH calls AS (
      SELECT c."leadId", c."threadId", c."smsAcceptedAt" FROM "Call" c WHERE ${missed} AND c."skipReason" IS NULL
    )
    SELECT (SELECT count(*) FROM calls)::int AS missed,
      (SELECT count(*) FROM calls WHERE "smsAcceptedAt" IS NOT NULL)::int AS texted,
      (SELECT count(DISTINCT calls."leadId") FROM calls JOIN "Thread" t ON t.id = calls."threadId"
        WHERE calls."smsAcceptedAt" IS NOT NULL AND t."firstCustomerReplyAt" IS NOT NULL)::int AS replied,
      (SELECT count(DISTINCT calls."leadId") FROM calls JOIN "Thread" t ON t.id = calls."threadId"
        JOIN "Lead" l ON l.id = calls."leadId"
        WHERE calls."smsAcceptedAt" IS NOT NULL AND t."firstCustomerReplyAt" IS NOT NULL
          AND (l."qualifiedAt" IS NOT NULL OR l."status" IN ('qualified', 'won')))::int AS qualified,
      (SELECT count(DISTINCT calls."leadId") FROM calls JOIN "Lead" l ON l.id = calls."leadId"
        WHERE calls."smsAcceptedAt" IS NOT NULL AND l."status" = 'won')::int AS won`.execute(db)
  ).rows[0]!;
  const byStatus = (pick: "current" | "previous") => {
    const counts: Record<string, number> = { new: 0, contacted: 0, qualified: 0, won: 0, lost: 0 };
    for (const row of leadRows) counts[row.status] = row[pick];
    return counts;
  };
  return {
    calls,
    excluded,
    latencies,
    conversion,
    current: byStatus("current"),
    previous: byStatus("previous"),
    revenue,
    daily,
    funnel,
  };
}
