// Per local day of the business (DST-safe: days are taken in its timezone from each fact's own instant): missed
// calls, textable, captured, revenue won back, and leads created by their current status.
import type { MetricPeriod } from "@/lib/metrics/metric-period";
import type { FactSum } from "@/lib/metrics/rollup";
import { addDays } from "@/lib/metrics/zoned-time";

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

const leadField = {
  new: "leadsNew",
  contacted: "leadsContacted",
  qualified: "leadsQualified",
  won: "leadsWon",
  lost: "leadsLost",
} as const;

export function summarizeDailySeries(rows: FactSum[], period: MetricPeriod): DailyPoint[] {
  const points = new Map<string, DailyPoint>();
  for (let day = period.fromDay; day <= period.toDay; day = addDays(day, 1)) {
    points.set(day, {
      day,
      missed: 0,
      textable: 0,
      captured: 0,
      revenueCents: 0,
      leadsNew: 0,
      leadsContacted: 0,
      leadsQualified: 0,
      leadsWon: 0,
      leadsLost: 0,
    });
  }
  for (const row of rows) {
    const point = points.get(row.day);
    if (!point) continue;
    if (row.kind === "call") {
      if (row.dim !== "repeat_caller") point.missed += row.n;
      if (row.dim === "") point.textable += row.n;
      if (row.dim === "" && row.num === 1) point.captured += row.n;
    } else if (row.kind === "revenue") {
      point.revenueCents += row.cents;
    } else if (row.kind === "lead" && row.dim in leadField) {
      point[leadField[row.dim as keyof typeof leadField]] += row.n;
    }
  }
  return [...points.values()];
}
