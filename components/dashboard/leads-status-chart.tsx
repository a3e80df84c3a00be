"use client";
// Leads created per day, stacked by the status they have now (the "counts per status over time" success metric).
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartCard } from "@/components/dashboard/chart-card";
import { formatCalendarDay } from "@/components/display/format-time";
import type { DailyPoint } from "@/lib/metrics/daily-series";

const series = [
  { key: "leadsNew", name: "New", color: "#93c5fd" },
  { key: "leadsContacted", name: "Contacted", color: "#94a3b8" },
  { key: "leadsQualified", name: "Qualified", color: "#f59e0b" },
  { key: "leadsWon", name: "Won", color: "#059669" },
  { key: "leadsLost", name: "Lost", color: "#ef4444" },
] as const;

export function LeadsStatusChart({ daily }: { daily: DailyPoint[] }) {
  return (
    <ChartCard title="Leads per day, by status" testId="chart-lead-status">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={daily.map((point) => ({ ...point, label: formatCalendarDay(point.day, "dayMonth") }))}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" fontSize={12} />
          <YAxis allowDecimals={false} fontSize={12} width={32} />
          <Tooltip />
          <Legend />
          {series.map((item) => (
            <Bar key={item.key} dataKey={item.key} name={item.name} stackId="status" fill={item.color} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
