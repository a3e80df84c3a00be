// Leads converted (won ÷ leads created in the period, with counts per status) and revenue won back: the job values
// of leads that came from a missed call (source = call) and were marked won inside the period.
import { db } from "@/lib/db/client";
import type { MetricPeriod } from "@/lib/metrics/metric-period";
import { ratio, sqlInstant } from "@/lib/metrics/sql-time";
import { sqlIsCustomerLead } from "@/lib/setup-test/test-caller";

const statuses = ["new", "contacted", "qualified", "won", "lost"] as const;
export type StatusCounts = Record<(typeof statuses)[number], number>;

function emptyCounts(): StatusCounts {
  return Object.fromEntries(statuses.map((status) => [status, 0])) as StatusCounts;
}

/** Leads per status created in the period and in the equally long period before it, in one index range scan. */
async function convertedWithPrevious(businessId: string, period: MetricPeriod) {
  const previousFrom = new Date(period.from.getTime() - (period.to.getTime() - period.from.getTime()));
  const rows = await db.$queryRaw<{ status: string; current: number; previous: number }[]>`
    SELECT l."status"::text AS status,
      count(*) FILTER (WHERE l."createdAt" >= ${sqlInstant(period.from)})::int AS current,
      count(*) FILTER (WHERE l."createdAt" < ${sqlInstant(period.from)})::int AS previous
    FROM "Lead" l
    WHERE l."businessId" = ${businessId} AND l."createdAt" >= ${sqlInstant(previousFrom)} AND l."createdAt" < ${sqlInstant(period.to)}
      AND ${sqlIsCustomerLead("l")}
    GROUP BY 1`;
  const summarize = (pick: (row: (typeof rows)[number]) => number) => {
    const byStatus = emptyCounts();
    for (const row of rows) byStatus[row.status as keyof StatusCounts] = pick(row);
    const total = rows.reduce((sum, row) => sum + pick(row), 0);
    return { total, byStatus, rate: ratio(byStatus.won, total) };
  };
  return { current: summarize((row) => row.current), previous: summarize((row) => row.previous) };
}

export async function getLeadMetrics({ businessId, period }: { businessId: string; period: MetricPeriod }) {
  const { current, previous } = await convertedWithPrevious(businessId, period);
  const [revenue] = await db.$queryRaw<{ cents: number; won: number }[]>`
    SELECT coalesce(sum(l."valueCents"), 0)::float8 AS cents, count(*)::int AS won FROM "Lead" l
    WHERE l."businessId" = ${businessId} AND l."status" = 'won' AND l."source" = 'call'
      AND l."closedAt" >= ${sqlInstant(period.from)} AND l."closedAt" < ${sqlInstant(period.to)}
      AND ${sqlIsCustomerLead("l")}`;
  return {
    leads: current.total,
    leadsWon: current.byStatus.won,
    leadsByStatus: current.byStatus,
    convertedRate: current.rate,
    previousConvertedRate: previous.rate,
    revenueWonBackCents: Number(revenue?.cents ?? 0),
    leadsWonFromCalls: revenue?.won ?? 0,
  };
}
