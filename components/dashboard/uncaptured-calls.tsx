// Missed calls that got no auto-SMS, with the reason, plus the counts of calls excluded from the capture rate.
import Link from "next/link";
import { skipReasonLabels } from "@/components/dashboard/format";
import { BusinessTime } from "@/components/display/business-time";
import { PhoneNumber } from "@/components/display/phone-number";
import { deliveryErrorText } from "@/components/display/plain-words";
import type { MetricsReport } from "@/lib/metrics/get-metrics";

export function UncapturedCalls({ report }: { report: MetricsReport }) {
  const { uncapturedCalls, metrics } = report;
  return (
    <section data-testid="uncaptured-calls" className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <h2 className="text-base font-semibold">Uncaptured calls</h2>
      <p className="mt-1 text-sm text-slate-600">
        Excluded from the capture rate:{" "}
        {metrics.captureRate.excludedByReason.length === 0
          ? "none"
          : metrics.captureRate.excludedByReason
              .map((row) => `${skipReasonLabels[row.reason] ?? row.reason} ${row.count}`)
              .join(" · ")}
        {metrics.captureRate.repeatCalls > 0
          ? ` · ${metrics.captureRate.repeatCalls} repeat calls (already texted)`
          : ""}
      </p>
      {uncapturedCalls.length === 0 ? (
        <p className="mt-3 text-sm text-slate-500">Every missed call in this period was texted.</p>
      ) : (
        <ul className="mt-3 divide-y divide-slate-100">
          {uncapturedCalls.map((call) => (
            <li key={call.callId} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
              <span className="min-w-0">
                {call.leadId ? (
                  <Link className="font-medium text-brand-700 hover:underline" href={`/leads/${call.leadId}`}>
                    {call.leadName ?? <PhoneNumber value={call.fromNumber} />}
                  </Link>
                ) : (
                  <PhoneNumber value={call.fromNumber} className="font-medium" />
                )}
                <BusinessTime value={call.createdAt} className="ml-2 text-slate-600" />
              </span>
              <span className="rounded-full bg-amber-50 px-2 py-0.5 text-amber-800">
                {skipReasonLabels[call.reason] ?? call.reason}
                {call.errorCode ? `: ${deliveryErrorText(call.errorCode)}` : ""}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
