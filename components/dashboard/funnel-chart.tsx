"use client";
// missed → texted → replied → qualified → won, as horizontal bars with the share of the first stage.
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartCard } from "@/components/dashboard/chart-card";

const labels: Record<string, string> = {
  missed: "Missed",
  texted: "Texted",
  replied: "Replied",
  qualified: "Qualified",
  won: "Won",
};

export function FunnelChart({ funnel }: { funnel: { stage: string; count: number }[] }) {
  const first = funnel[0]?.count ?? 0;
  const data = funnel.map((step) => ({
    name: labels[step.stage] ?? step.stage,
    count: step.count,
    share: first > 0 ? `${Math.round((step.count / first) * 100)} %` : "",
  }));
  return (
    <ChartCard title="Conversion funnel" testId="chart-funnel">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ right: 48 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} fontSize={12} />
          <YAxis type="category" dataKey="name" fontSize={12} width={72} />
          <Tooltip />
          <Bar dataKey="count" name="Count" fill="#1d4ed8" radius={[0, 4, 4, 0]}>
            <LabelList dataKey="share" position="right" fontSize={12} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
