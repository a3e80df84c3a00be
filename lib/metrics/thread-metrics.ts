// Conversation conversion and takeover time (success metrics).
// Conversion: threads auto-texted in the period (autoTextedAt) that got at least one customer reply ÷ those threads;
// threads opened only by test calls are left out (rollup facts "texted", lib/metrics/rollup.ts).
// Takeover: one takeover is measured once, from the earliest notification of that thread it answered (several
// members are notified at once; the first tap ends the wait for all of them). Test notifications are left out.
// Takeovers are few (a person tapped "take over"): they are read live, through a partial index of them.
import { sql } from "kysely";
import { sqlDb } from "@/lib/db/kysely";
import type { MetricPeriod } from "@/lib/metrics/metric-period";
import { bucketCounts, percentileCont, sumFacts, type FactSum } from "@/lib/metrics/rollup";
import { ratio } from "@/lib/metrics/sql-time";

export const takeoverBuckets = [
  { label: "< 15 s", max: 15 },
  { label: "15–30 s", max: 30 },
  { label: "30–60 s", max: 60 },
  { label: "1–2 min", max: 120 },
  { label: "2–5 min", max: 300 },
  { label: "> 5 min", max: null },
] as const;

/** Seconds from the first notification to the takeover, per takeover sent in the period. */
export async function readTakeoverSeconds(businessId: string, period: MetricPeriod): Promise<number[]> {
  const rows = await sqlDb()
    .selectFrom("Notification as n")
    .select(sql<number>`extract(epoch from (n."takeoverAt" - min(n."sentAt")))::float8`.as("seconds"))
    .where("n.businessId", "=", businessId)
    .where("n.kind", "<>", "test")
    .where("n.takeoverAt", "is not", null)
    .where("n.sentAt", ">=", period.from)
    .where("n.sentAt", "<", period.to)
    .groupBy([sql`coalesce(n."threadId", n.id)`, "n.takeoverAt"])
    .execute();
  return rows.map((row) => row.seconds);
}

export function summarizeThreadMetrics(rows: FactSum[], takeoverSeconds: number[]) {
  const texted = sumFacts(rows, (row) => row.kind === "texted");
  const replied = sumFacts(rows, (row) => row.kind === "texted" && row.dim === "replied");
  const count = takeoverSeconds.length;
  const distribution = takeoverSeconds.map((value) => ({ value, count: 1 }));
  return {
    threadsAutoTexted: texted,
    threadsReplied: replied,
    conversionRate: ratio(replied, texted),
    takeovers: count,
    takeoverAvgSeconds: count === 0 ? null : takeoverSeconds.reduce((sum, value) => sum + value, 0) / count,
    takeoverP90Seconds: percentileCont(distribution, 0.9),
    takeoverHistogram: bucketCounts(takeoverBuckets, distribution),
  };
}
