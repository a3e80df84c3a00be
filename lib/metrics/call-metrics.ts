// Call capture rate and response time (success metrics), from the period's rollup facts (lib/metrics/rollup.ts).
// Decisions: a missed call belongs to the period of its createdAt (detection follows within seconds).
// "Could be texted" = missed, not a test, no skip reason. Every skipped call except repeat callers is listed
// separately with its reason (opted_out, anonymous, invalid_number, landline, rejected, ignored, own_number).
// Repeat callers inside the repeat window were already texted for their first call: neither captured nor excluded.
// The response time of a call is smsAcceptedAt − detectedAt, kept in ms; p50/p95 are percentile_cont over them.
import type { MetricPeriod } from "@/lib/metrics/metric-period";
import { bucketCounts, percentileCont, readPeriodFacts, sumFacts, type FactSum } from "@/lib/metrics/rollup";
import { ratio } from "@/lib/metrics/sql-time";

export const responseBuckets = [
  { label: "< 1 s", max: 1 },
  { label: "1–2 s", max: 2 },
  { label: "2–5 s", max: 5 },
  { label: "5–10 s", max: 10 },
  { label: "10–30 s", max: 30 },
  { label: "30–60 s", max: 60 },
  { label: "> 60 s", max: null },
] as const;

/** The response-time distribution (ms → calls) of the period. */
function latencyDistribution(rows: FactSum[]) {
  const counts = new Map<number, number>();
  for (const row of rows) if (row.kind === "latency") counts.set(row.num, (counts.get(row.num) ?? 0) + row.n);
  return [...counts].map(([value, count]) => ({ value, count }));
}

export function summarizeCallMetrics(rows: FactSum[]) {
  const calls = rows.filter((row) => row.kind === "call");
  const missed = sumFacts(calls, () => true);
  const textable = sumFacts(calls, (row) => row.dim === "");
  const captured = sumFacts(calls, (row) => row.dim === "" && row.num === 1);
  const repeats = sumFacts(calls, (row) => row.dim === "repeat_caller");
  const byReason = new Map<string, number>();
  for (const row of calls)
    if (row.dim !== "" && row.dim !== "repeat_caller") byReason.set(row.dim, (byReason.get(row.dim) ?? 0) + row.n);
  const excludedByReason = [...byReason]
    .filter(([, count]) => count > 0)
    .map(([reason, count]) => ({ reason, count }))
    .sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0));
  const distribution = latencyDistribution(rows);
  const seconds = (ms: number | null) => (ms === null ? null : ms / 1000);
  return {
    missedCalls: missed,
    textableCalls: textable,
    capturedCalls: captured,
    repeatCalls: repeats,
    captureRate: ratio(captured, textable),
    excludedByReason,
    responseP50Seconds: seconds(percentileCont(distribution, 0.5)),
    responseP95Seconds: seconds(percentileCont(distribution, 0.95)),
    responseHistogram: bucketCounts(responseBuckets, distribution, 1000),
  };
}

export async function getCallMetrics({ businessId, period }: { businessId: string; period: MetricPeriod }) {
  return summarizeCallMetrics(await readPeriodFacts({ businessId, range: period, kinds: ["call", "latency"] }));
}
