// Leads converted (won ÷ leads created in the period, with counts per status) and revenue won back: the job values
// of leads that came from a missed call (source = call) and were marked won inside the period. Leads of the
// "test my setup" caller are no customers: the rollup facts leave them out.
import type { MetricPeriod } from "@/lib/metrics/metric-period";
import { readPeriodFacts, sumFacts, type FactSum } from "@/lib/metrics/rollup";
import { ratio } from "@/lib/metrics/sql-time";

const statuses = ["new", "contacted", "qualified", "won", "lost"] as const;
export type StatusCounts = Record<(typeof statuses)[number], number>;

export function countByStatus(rows: FactSum[]) {
  const byStatus = Object.fromEntries(statuses.map((status) => [status, 0])) as StatusCounts;
  for (const row of rows)
    if (row.kind === "lead" && row.dim in byStatus) byStatus[row.dim as keyof StatusCounts] += row.n;
  const total = statuses.reduce((sum, status) => sum + byStatus[status], 0);
  return { total, byStatus, rate: ratio(byStatus.won, total) };
}

/** The leads created in the equally long period just before `period`. */
export async function readPreviousPeriodLeads(businessId: string, period: MetricPeriod) {
  const previousFrom = new Date(period.from.getTime() - (period.to.getTime() - period.from.getTime()));
  return readPeriodFacts({
    businessId,
    range: { from: previousFrom, to: period.from, timeZone: period.timeZone },
    kinds: ["lead"],
  });
}

export function summarizeLeadMetrics(rows: FactSum[], previousRows: FactSum[]) {
  const current = countByStatus(rows);
  const previous = countByStatus(previousRows);
  return {
    leads: current.total,
    leadsWon: current.byStatus.won,
    leadsByStatus: current.byStatus,
    convertedRate: current.rate,
    previousConvertedRate: previous.rate,
    revenueWonBackCents: sumFacts(rows, (row) => row.kind === "revenue", "cents"),
    leadsWonFromCalls: sumFacts(rows, (row) => row.kind === "revenue"),
  };
}

export async function getLeadMetrics({ businessId, period }: { businessId: string; period: MetricPeriod }) {
  const [rows, previousRows] = await Promise.all([
    readPeriodFacts({ businessId, range: period, kinds: ["lead", "revenue"] }),
    readPreviousPeriodLeads(businessId, period),
  ]);
  return summarizeLeadMetrics(rows, previousRows);
}
