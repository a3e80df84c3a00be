"use client";
// "Is it working?": the last call processed, signature failures, fallback hits, SMS failures, calls without a lead,
// and the reconciliation with Twilio's records (calls it recovered, its last run).
import type { ReactNode } from "react";
import useSWR from "swr";
import { skipReasonLabels } from "@/components/dashboard/format";
import { BusinessTime } from "@/components/display/business-time";
import { deliveryErrorText } from "@/components/display/plain-words";

type Health = {
  lastCall: { createdAt: string; isMissed: boolean | null; isTest: boolean; smsAcceptedAt: string | null } | null;
  signatureFailures24h: number;
  twilioFallbackHits24h: number;
  deliveryFailuresByCode: { errorCode: number | null; count: number }[];
  callsWithoutLead: { id: string; createdAt: string; skipReason: string | null }[];
  setupWarnings?: { code: string; message: string }[];
  reconciliation?: {
    isOn: boolean;
    recovered24h: number;
    recovered7d: number;
    lastRunAt: string | null;
    lastRunOk: boolean | null;
    lastError: string | null;
  };
};

const fetcher = (url: string) =>
  fetch(url).then((response) => (response.ok ? response.json() : Promise.reject(new Error(String(response.status)))));

function Row({ label, value, isBad }: { label: string; value: ReactNode; isBad: boolean }) {
  return (
    <div className="flex items-center justify-between gap-2 py-1.5 text-sm">
      <dt className="text-slate-600">{label}</dt>
      <dd className={isBad ? "font-semibold text-red-700" : "font-medium text-slate-900"}>{value}</dd>
    </div>
  );
}

export function HealthPanel() {
  const { data, error } = useSWR<Health>("/api/health-panel", fetcher, { refreshInterval: 30_000 });
  return (
    <section
      data-testid="health-panel"
      aria-label="Health"
      className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200"
    >
      <h2 className="text-base font-semibold">Health</h2>
      {error ? <p className="mt-2 text-sm text-red-700">Could not load the health signals.</p> : null}
      {data?.setupWarnings?.length ? (
        <ul data-testid="setup-warnings" className="mt-2 space-y-1.5">
          {data.setupWarnings.map((warning) => (
            <li key={warning.message} className="rounded-xl bg-amber-50 px-3 py-2 text-sm text-amber-900">
              {warning.message}
            </li>
          ))}
        </ul>
      ) : null}
      {!data ? (
        <p className="mt-2 text-sm text-slate-600">Loading…</p>
      ) : (
        <dl className="mt-2 divide-y divide-slate-100">
          <Row
            label="Last call processed"
            value={
              data.lastCall ? (
                <>
                  <BusinessTime value={data.lastCall.createdAt} />
                  {data.lastCall.isTest ? " (setup test)" : ""}
                </>
              ) : (
                "No calls yet"
              )
            }
            isBad={false}
          />
          <Row
            label="Requests refused as not from Twilio (24 h)"
            value={String(data.signatureFailures24h)}
            isBad={data.signatureFailures24h > 0}
          />
          <Row
            label="Calls Twilio couldn't deliver to Ringback (24 h)"
            value={String(data.twilioFallbackHits24h)}
            isBad={data.twilioFallbackHits24h > 0}
          />
          {data.reconciliation ? (
            <>
              <Row
                label="Calls recovered by reconciliation (24 h / 7 days)"
                value={
                  <span data-testid="reconciliation-recovered">
                    {data.reconciliation.recovered24h} / {data.reconciliation.recovered7d}
                  </span>
                }
                isBad={data.reconciliation.recovered24h > 0}
              />
              <Row
                label="Last reconciliation with Twilio"
                value={
                  <span data-testid="reconciliation-last-run">
                    {data.reconciliation.lastRunAt ? (
                      <>
                        <BusinessTime value={data.reconciliation.lastRunAt} />
                        {data.reconciliation.lastRunOk === false ? " (failed, retrying)" : ""}
                      </>
                    ) : data.reconciliation.isOn ? (
                      "Not run yet"
                    ) : (
                      "Off (simulator mode)"
                    )}
                  </span>
                }
                isBad={data.reconciliation.lastRunOk === false}
              />
            </>
          ) : null}
          <Row
            label="Texts not delivered (7 days)"
            value={
              data.deliveryFailuresByCode.length === 0
                ? "None"
                : data.deliveryFailuresByCode
                    .map((row) => `${row.count} × ${deliveryErrorText(row.errorCode)}`)
                    .join(", ")
            }
            isBad={data.deliveryFailuresByCode.length > 0}
          />
          <Row
            label="Calls without a lead (7 days)"
            value={
              data.callsWithoutLead.length === 0
                ? "None"
                : `${data.callsWithoutLead.length}${data.callsWithoutLead[0]?.skipReason ? ` (latest: ${skipReasonLabels[data.callsWithoutLead[0].skipReason] ?? data.callsWithoutLead[0].skipReason})` : ""}`
            }
            isBad={data.callsWithoutLead.length > 0}
          />
        </dl>
      )}
    </section>
  );
}
