"use client";
// Revenue won back from missed calls, cumulative over the period.
import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartCard } from "@/components/dashboard/chart-card";
import { formatCalendarDay } from "@/components/display/format-time";
import { formatMoney } from "@/components/dashboard/format";
import type { DailyPoint } from "@/lib/metrics/daily-series";

export function RevenueChart({ daily }: { daily: DailyPoint[] }) {
  const data = daily.map((point, index) => ({
    label: formatCalendarDay(point.day, "dayMonth"),
    dollars: daily.slice(0, index + 1).reduce((sum, day) => sum + day.revenueCents, 0) / 100,
  }));
  return (
    <ChartCard title="Revenue won back (cumulative)" testId="chart-revenue">
      <ResponsiveContainer width="100%" height="100%">
        <AreaChart data={data}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" fontSize={12} />
          <YAxis fontSize={12} width={56} tickFormatter={(value: number) => formatMoney(value * 100)} />
          <Tooltip formatter={(value) => formatMoney(Number(value) * 100)} />
          <Area type="monotone" dataKey="dollars" name="Won back" stroke="#047857" fill="#a7f3d0" />
        </AreaChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
