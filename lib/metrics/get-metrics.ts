// Everything the dashboard shows for one period: the five success metrics with targets, plus the series.
// Counts come from the rollups (lib/metrics/rollup.ts): one read for the period, one for the period before it;
// takeovers and the list of uncaptured calls are read live (both small, through partial indexes). Typed SQL.
import { sqlDb } from "@/lib/db/kysely";
import { summarizeCallMetrics } from "@/lib/metrics/call-metrics";
import { summarizeDailySeries } from "@/lib/metrics/daily-series";
import { summarizeFunnel } from "@/lib/metrics/funnel";
import { readPreviousPeriodLeads, summarizeLeadMetrics } from "@/lib/metrics/lead-metrics";
import { isAbove, isBelow, metricTargets } from "@/lib/metrics/metric-targets";
import type { MetricPeriod } from "@/lib/metrics/metric-period";
import { readPeriodFacts } from "@/lib/metrics/rollup";
import { readTakeoverSeconds, summarizeThreadMetrics } from "@/lib/metrics/thread-metrics";
import { getUncapturedCalls } from "@/lib/metrics/uncaptured-calls";

export async function getBusinessTimeZone(businessId: string): Promise<string> {
  const business = await sqlDb()
    .selectFrom("Business")
    .select("timezone")
    .where("id", "=", businessId)
    .executeTakeFirst();
  return business?.timezone ?? "UTC";
}

export async function getMetrics({ businessId, period }: { businessId: string; period: MetricPeriod }) {
  // Sequential on purpose: the embedded database serves one query at a time anyway.
  const rows = await readPeriodFacts({ businessId, range: period });
  const previousRows = await readPreviousPeriodLeads(businessId, period);
  const takeoverSeconds = await readTakeoverSeconds(businessId, period);
  const uncaptured = await getUncapturedCalls({ businessId, period });
  const calls = summarizeCallMetrics(rows);
  const threads = summarizeThreadMetrics(rows, takeoverSeconds);
  const leads = summarizeLeadMetrics(rows, previousRows);
  const daily = summarizeDailySeries(rows, period);
  const funnel = summarizeFunnel(rows);
  const convertedMet = leads.convertedRate === null ? null : leads.convertedRate > (leads.previousConvertedRate ?? 0);
  return {
    period: {
      from: period.from.toISOString(),
      to: period.to.toISOString(),
      fromDay: period.fromDay,
      toDay: period.toDay,
      timeZone: period.timeZone,
    },
    metrics: {
      captureRate: {
        value: calls.captureRate,
        captured: calls.capturedCalls,
        textable: calls.textableCalls,
        missed: calls.missedCalls,
        repeatCalls: calls.repeatCalls,
        excludedByReason: calls.excludedByReason,
        target: metricTargets.captureRate.label,
        isMet: isAbove(calls.captureRate, metricTargets.captureRate.min),
      },
      responseTime: {
        p50Seconds: calls.responseP50Seconds,
        p95Seconds: calls.responseP95Seconds,
        target: metricTargets.responseTime.label,
        isMet: isBelow(calls.responseP95Seconds, metricTargets.responseTime.maxSeconds),
        isStretchMet: isBelow(calls.responseP95Seconds, metricTargets.responseTime.stretchSeconds),
      },
      conversion: {
        value: threads.conversionRate,
        replied: threads.threadsReplied,
        autoTexted: threads.threadsAutoTexted,
        target: metricTargets.conversion.label,
        isMet: isAbove(threads.conversionRate, metricTargets.conversion.min),
      },
      takeover: {
        avgSeconds: threads.takeoverAvgSeconds,
        p90Seconds: threads.takeoverP90Seconds,
        count: threads.takeovers,
        target: metricTargets.takeover.label,
        isMet: isBelow(threads.takeoverAvgSeconds, metricTargets.takeover.maxSeconds),
      },
      converted: {
        value: leads.convertedRate,
        previousValue: leads.previousConvertedRate,
        won: leads.leadsWon,
        leads: leads.leads,
        byStatus: leads.leadsByStatus,
        target: metricTargets.converted.label,
        isMet: convertedMet,
      },
      revenueWonBack: { cents: leads.revenueWonBackCents, leadsWon: leads.leadsWonFromCalls },
    },
    daily,
    responseHistogram: calls.responseHistogram,
    takeoverHistogram: threads.takeoverHistogram,
    funnel,
    uncapturedCalls: uncaptured.map((call) => ({ ...call, createdAt: call.createdAt.toISOString() })),
  };
}

export type MetricsReport = Awaited<ReturnType<typeof getMetrics>>;
