"use client";
// The owner's Monday-morning view: the period picker, the five metrics with targets, charts, uncaptured calls, health.
import { useState } from "react";
import useSWR from "swr";
import { DailyChart } from "@/components/dashboard/daily-chart";
import { FunnelChart } from "@/components/dashboard/funnel-chart";
import { HealthPanel } from "@/components/dashboard/health-panel";
import { HistogramChart } from "@/components/dashboard/histogram-chart";
import { KpiGrid } from "@/components/dashboard/kpi-grid";
import { LeadsStatusChart } from "@/components/dashboard/leads-status-chart";
import { PeriodPicker, periodProblem, periodQuery, type Period } from "@/components/dashboard/period-picker";
import { formatCalendarDay as formatDay, timeZoneLabel } from "@/components/display/format-time";
import { RevenueChart } from "@/components/dashboard/revenue-chart";
import { UncapturedCalls } from "@/components/dashboard/uncaptured-calls";
import type { MetricsReport } from "@/lib/metrics/get-metrics";

const fetcher = async (url: string) => {
  const response = await fetch(url);
  const body = await response.json();
  if (!response.ok) throw new Error(body?.error?.message ?? "Could not load the metrics.");
  return body as MetricsReport;
};

export function DashboardView({ today }: { today: string }) {
  const [period, setPeriod] = useState<Period>({ preset: "7d", from: today, to: today });
  // A range that cannot be asked for is not asked for, and no figures of another range stay on screen under it.
  const problem = periodProblem(period);
  const { data, error, isLoading } = useSWR(problem ? null : `/api/metrics?${periodQuery(period, today)}`, fetcher, {
    keepPreviousData: true,
  });
  const message = problem ?? (error ? error.message : null);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Dashboard</h1>
        <PeriodPicker value={period} onChange={setPeriod} />
      </div>
      {message ? (
        <p role="alert" className="rounded-xl bg-red-50 p-3 text-sm text-red-800" data-testid="period-problem">
          {message}
        </p>
      ) : null}
      {!data && isLoading ? <p className="text-slate-600">Loading the numbers…</p> : null}
      {data && !message ? (
        <>
          <p className="text-sm text-slate-600" data-testid="period-label">
            {data.period.fromDay === data.period.toDay
              ? formatDay(data.period.fromDay)
              : `${formatDay(data.period.fromDay)} – ${formatDay(data.period.toDay)}`}{" "}
            · {timeZoneLabel(data.period.timeZone)}
          </p>
          <KpiGrid metrics={data.metrics} />
          <div className="grid grid-cols-1 gap-3 lg:grid-cols-2">
            <RevenueChart daily={data.daily} />
            <DailyChart daily={data.daily} />
            <HistogramChart
              title="How fast the text went out after a missed call"
              testId="chart-response"
              buckets={data.responseHistogram}
              unit="Texts"
            />
            <FunnelChart funnel={data.funnel} />
            <HistogramChart
              title="How fast someone took over after the alert"
              testId="chart-takeover"
              buckets={data.takeoverHistogram}
              unit="Takeovers"
              color="#7c3aed"
            />
            <LeadsStatusChart daily={data.daily} />
          </div>
          <div className="grid grid-cols-1 gap-3 lg:grid-cols-2">
            <UncapturedCalls report={data} />
            <HealthPanel />
          </div>
        </>
      ) : null}
    </div>
  );
}
