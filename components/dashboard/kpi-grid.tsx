// The five success metrics as cards, plus the revenue won back (the number the owner asks about first).
import { formatMoney, formatPercent, formatSeconds } from "@/components/dashboard/format";
import { KpiCard } from "@/components/dashboard/kpi-card";
import type { MetricsReport } from "@/lib/metrics/get-metrics";

export function KpiGrid({ metrics }: { metrics: MetricsReport["metrics"] }) {
  const { captureRate, responseTime, conversion, takeover, converted, revenueWonBack } = metrics;
  return (
    <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-3">
      <section data-testid="kpi-revenue" className="rounded-2xl bg-brand-600 p-4 text-white shadow-sm">
        <h2 className="text-sm font-medium text-brand-100">Revenue won back from missed calls</h2>
        <p className="text-3xl font-bold tabular-nums">{formatMoney(revenueWonBack.cents)}</p>
        <p className="text-sm text-brand-100">{revenueWonBack.leadsWon} jobs won from missed calls</p>
      </section>
      <KpiCard
        testId="kpi-capture-rate"
        title="Call capture rate"
        value={formatPercent(captureRate.value)}
        detail={`${captureRate.captured} of ${captureRate.textable} textable missed calls texted`}
        target={captureRate.target}
        isMet={captureRate.isMet}
      />
      <KpiCard
        testId="kpi-response-time"
        title="Response time"
        value={`p95 ${formatSeconds(responseTime.p95Seconds)}`}
        detail={`p50 ${formatSeconds(responseTime.p50Seconds)}`}
        target={responseTime.target}
        isMet={responseTime.isMet}
      />
      <KpiCard
        testId="kpi-conversion"
        title="Conversation conversion"
        value={formatPercent(conversion.value)}
        detail={`${conversion.replied} of ${conversion.autoTexted} texted customers replied`}
        target={conversion.target}
        isMet={conversion.isMet}
      />
      <KpiCard
        testId="kpi-takeover"
        title="Takeover time"
        value={`avg ${formatSeconds(takeover.avgSeconds)}`}
        detail={`p90 ${formatSeconds(takeover.p90Seconds)} · ${takeover.count} takeovers`}
        target={takeover.target}
        isMet={takeover.isMet}
      />
      <KpiCard
        testId="kpi-converted"
        title="Leads converted"
        value={formatPercent(converted.value)}
        detail={`${converted.won} won of ${converted.leads} leads · before: ${formatPercent(converted.previousValue)}`}
        target={converted.target}
        isMet={converted.isMet}
      />
    </div>
  );
}
