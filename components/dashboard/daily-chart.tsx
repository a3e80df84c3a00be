"use client";
// Missed calls vs captured (auto-texted) per local day.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartCard } from "@/components/dashboard/chart-card";
import { formatCalendarDay } from "@/components/display/format-time";
import type { DailyPoint } from "@/lib/metrics/daily-series";

export function DailyChart({ daily }: { daily: DailyPoint[] }) {
  return (
    <ChartCard title="Missed calls vs captured, per day" testId="chart-daily">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={daily.map((point) => ({ ...point, label: formatCalendarDay(point.day, "dayMonth") }))}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" fontSize={12} />
          <YAxis allowDecimals={false} fontSize={12} width={32} />
          <Tooltip />
          <Legend />
          <Bar dataKey="missed" name="Missed" fill="#94a3b8" radius={[4, 4, 0, 0]} />
          <Bar dataKey="captured" name="Captured" fill="#1d4ed8" radius={[4, 4, 0, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
