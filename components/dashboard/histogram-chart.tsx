"use client";
// A distribution as bars (response times, takeover times). Horizontal bars, so that every bucket keeps its label at
// any width: on a phone, upright bars had room for only every other label and recharts dropped the rest.
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartCard } from "@/components/dashboard/chart-card";

export function HistogramChart({
  title,
  testId,
  buckets,
  unit,
  color = "#1d4ed8",
}: {
  title: string;
  testId: string;
  buckets: { label: string; count: number }[];
  /** What is counted, for the tooltip: "Texts", "Takeovers". */
  unit: string;
  color?: string;
}) {
  return (
    <ChartCard title={title} testId={testId}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={buckets} layout="vertical" margin={{ right: 32 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} fontSize={12} />
          <YAxis type="category" dataKey="label" interval={0} fontSize={12} width={64} />
          <Tooltip />
          <Bar dataKey="count" name={unit} fill={color} radius={[0, 4, 4, 0]}>
            <LabelList dataKey="count" position="right" fontSize={12} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
