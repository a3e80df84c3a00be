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
        detail={`${captureRate.captured} of ${captureRate.textable} missed calls that could get a text got one`}
        target={captureRate.target}
        isMet={captureRate.isMet}
      />
      <KpiCard
        testId="kpi-response-time"
        title="Response time"
        value={formatSeconds(responseTime.p95Seconds)}
        detail={
          responseTime.p95Seconds === null
            ? "No texts sent in this period"
            : `95 % of texts within ${formatSeconds(responseTime.p95Seconds)}; half within ${formatSeconds(responseTime.p50Seconds)}`
        }
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
        value={formatSeconds(takeover.avgSeconds)}
        detail={
          takeover.count === 0
            ? "Nobody took over a conversation in this period"
            : `on average, over ${takeover.count} takeovers; 9 in 10 within ${formatSeconds(takeover.p90Seconds)}`
        }
        target={takeover.target}
        isMet={takeover.isMet}
      />
      <KpiCard
        testId="kpi-converted"
        title="Leads converted"
        value={formatPercent(converted.value)}
        detail={`${converted.won} won of ${converted.leads} leads · the period before: ${formatPercent(converted.previousValue)}`}
        target={converted.target}
        isMet={converted.isMet}
      />
    </div>
  );
}
