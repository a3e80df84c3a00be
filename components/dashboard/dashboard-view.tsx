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
import { PeriodPicker, periodQuery, type Period } from "@/components/dashboard/period-picker";
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
  const { data, error, isLoading } = useSWR(`/api/metrics?${periodQuery(period, today)}`, fetcher, {
    keepPreviousData: true,
  });
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Dashboard</h1>
        <PeriodPicker value={period} onChange={setPeriod} />
      </div>
      {error ? (
        <p role="alert" className="rounded-xl bg-red-50 p-3 text-sm text-red-800">
          {error.message}
        </p>
      ) : null}
      {!data && isLoading ? <p className="text-slate-500">Loading the numbers…</p> : null}
      {data ? (
        <>
          <p className="text-sm text-slate-500">
            {data.period.fromDay} – {data.period.toDay} ({data.period.timeZone})
          </p>
          <KpiGrid metrics={data.metrics} />
          <div className="grid grid-cols-1 gap-3 lg:grid-cols-2">
            <RevenueChart daily={data.daily} />
            <DailyChart daily={data.daily} />
            <HistogramChart
              title="Response time (missed call → text accepted)"
              testId="chart-response"
              buckets={data.responseHistogram}
            />
            <FunnelChart funnel={data.funnel} />
            <HistogramChart
              title="Takeover time (notification → tap)"
              testId="chart-takeover"
              buckets={data.takeoverHistogram}
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
