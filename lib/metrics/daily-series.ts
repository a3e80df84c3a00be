// Per local day of the business (DST-safe: PostgreSQL converts each row with the zone rules of its own instant):
// missed calls, textable, captured, revenue won back, and leads created by their current status.
import { db } from "@/lib/db/client";
import { missedCallsWhere } from "@/lib/metrics/call-metrics";
import type { MetricPeriod } from "@/lib/metrics/metric-period";
import { sqlInstant, sqlLocalDay } from "@/lib/metrics/sql-time";
import { sqlIsCustomerLead } from "@/lib/setup-test/test-caller";
import { Prisma } from "@prisma/client";

export type DailyPoint = {
  day: string;
  missed: number;
  textable: number;
  captured: number;
  revenueCents: number;
  leadsNew: number;
  leadsContacted: number;
  leadsQualified: number;
  leadsWon: number;
  leadsLost: number;
};

export async function getDailySeries({ businessId, period }: { businessId: string; period: MetricPeriod }) {
  const tz = period.timeZone;
  const from = sqlInstant(period.from);
  const to = sqlInstant(period.to);
  return db.$queryRaw<DailyPoint[]>`
    WITH days AS (
      SELECT generate_series(${period.fromDay}::date, ${period.toDay}::date, interval '1 day')::date AS day
    ), calls AS (
      SELECT ${sqlLocalDay(Prisma.sql`c."createdAt"`, tz)} AS day,
        count(*) FILTER (WHERE c."skipReason" IS DISTINCT FROM 'repeat_caller') AS missed,
        count(*) FILTER (WHERE c."skipReason" IS NULL) AS textable,
        count(*) FILTER (WHERE c."skipReason" IS NULL AND c."smsAcceptedAt" IS NOT NULL) AS captured
      FROM "Call" c WHERE ${missedCallsWhere(businessId, period)} GROUP BY 1
    ), revenue AS (
      SELECT ${sqlLocalDay(Prisma.sql`l."closedAt"`, tz)} AS day, sum(l."valueCents") AS cents
      FROM "Lead" l WHERE l."businessId" = ${businessId} AND l."status" = 'won' AND l."source" = 'call'
        AND l."closedAt" >= ${from} AND l."closedAt" < ${to} AND ${sqlIsCustomerLead("l")} GROUP BY 1
    ), leads AS (
      SELECT ${sqlLocalDay(Prisma.sql`l."createdAt"`, tz)} AS day,
        count(*) FILTER (WHERE l."status" = 'new') AS n, count(*) FILTER (WHERE l."status" = 'contacted') AS c,
        count(*) FILTER (WHERE l."status" = 'qualified') AS q, count(*) FILTER (WHERE l."status" = 'won') AS w,
        count(*) FILTER (WHERE l."status" = 'lost') AS x
      FROM "Lead" l WHERE l."businessId" = ${businessId} AND l."createdAt" >= ${from} AND l."createdAt" < ${to}
        AND ${sqlIsCustomerLead("l")} GROUP BY 1
    )
    SELECT to_char(days.day, 'YYYY-MM-DD') AS day,
      coalesce(calls.missed, 0)::int AS missed, coalesce(calls.textable, 0)::int AS textable,
      coalesce(calls.captured, 0)::int AS captured, coalesce(revenue.cents, 0)::float8 AS "revenueCents",
      coalesce(leads.n, 0)::int AS "leadsNew", coalesce(leads.c, 0)::int AS "leadsContacted",
      coalesce(leads.q, 0)::int AS "leadsQualified", coalesce(leads.w, 0)::int AS "leadsWon",
      coalesce(leads.x, 0)::int AS "leadsLost"
    FROM days LEFT JOIN calls USING (day) LEFT JOIN revenue USING (day) LEFT JOIN leads USING (day)
    ORDER BY days.day`;
}
