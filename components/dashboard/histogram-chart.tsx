"use client";
// A distribution as bars (response times, takeover times).
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartCard } from "@/components/dashboard/chart-card";

export function HistogramChart({
  title,
  testId,
  buckets,
  color = "#1d4ed8",
}: {
  title: string;
  testId: string;
  buckets: { label: string; count: number }[];
  color?: string;
}) {
  return (
    <ChartCard title={title} testId={testId}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={buckets}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" fontSize={12} />
          <YAxis allowDecimals={false} fontSize={12} width={32} />
          <Tooltip />
          <Bar dataKey="count" name="Calls" fill={color} radius={[4, 4, 0, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
