// Everything the dashboard shows for one period: the five success metrics with targets, plus the series.
import { db } from "@/lib/db/client";
import { getCallMetrics } from "@/lib/metrics/call-metrics";
import { getDailySeries } from "@/lib/metrics/daily-series";
import { getFunnel } from "@/lib/metrics/funnel";
import { getLeadMetrics } from "@/lib/metrics/lead-metrics";
import { isAbove, isBelow, metricTargets } from "@/lib/metrics/metric-targets";
import type { MetricPeriod } from "@/lib/metrics/metric-period";
import { getThreadMetrics } from "@/lib/metrics/thread-metrics";
import { getUncapturedCalls } from "@/lib/metrics/uncaptured-calls";

export async function getBusinessTimeZone(businessId: string): Promise<string> {
  const business = await db.business.findUnique({ where: { id: businessId }, select: { timezone: true } });
  return business?.timezone ?? "UTC";
}

export async function getMetrics({ businessId, period }: { businessId: string; period: MetricPeriod }) {
  const input = { businessId, period };
  // Sequential on purpose: the embedded database serves one query at a time anyway.
  const calls = await getCallMetrics(input);
  const threads = await getThreadMetrics(input);
  const leads = await getLeadMetrics(input);
  const daily = await getDailySeries(input);
  const funnel = await getFunnel(input);
  const uncaptured = await getUncapturedCalls(input);
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
