// A lead's page: who, status and value, the AI-captured fields and notes, the conversation, calls and consent.
import Link from "next/link";
import { formatJobValue } from "@/components/leads/job-value";
import { LeadCalls } from "@/components/leads/lead-calls";
import { LeadConversation } from "@/components/leads/lead-conversation";
import { LeadFieldsEditor } from "@/components/leads/lead-fields-editor";
import { sourceLabels, statusLabels, statusTones } from "@/components/leads/lead-labels";
import { LeadStatusEditor } from "@/components/leads/lead-status-editor";
import { BusinessTime } from "@/components/display/business-time";
import { PhoneNumber } from "@/components/display/phone-number";
import { actorWords, consentReasonText } from "@/components/display/plain-words";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { LeadDetail as Lead } from "@/lib/leads/get-lead";

export function LeadDetail({ lead }: { lead: Lead }) {
  return (
    <div className="space-y-4">
      <Link href="/leads" className="text-sm text-brand-700 hover:underline">
        ← All leads
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold" data-testid="lead-title">
          {lead.name ?? <PhoneNumber value={lead.phone} />}
        </h1>
        <Badge tone={statusTones[lead.status]}>{statusLabels[lead.status]}</Badge>
        {lead.isOptedOut ? <Badge tone="danger">Opted out</Badge> : null}
        {lead.valueCents !== null ? <Badge tone="success">{formatJobValue(lead.valueCents)}</Badge> : null}
      </div>
      <p className="text-sm text-slate-600">
        <PhoneNumber value={lead.phone} /> · from a {sourceLabels[lead.source].toLowerCase()} · created{" "}
        <BusinessTime value={lead.createdAt} />
      </p>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.4fr)]">
        <div className="space-y-4">
          <Card title="Status">
            <LeadStatusEditor
              key={`${lead.status}-${lead.valueCents}`}
              leadId={lead.id}
              status={lead.status}
              valueCents={lead.valueCents}
            />
            {lead.statusHistory.length > 0 ? (
              <ul className="text-xs text-slate-600" data-testid="lead-status-history">
                {lead.statusHistory.map((event) => {
                  const payload = event.payload as { from?: string; to?: string };
                  const name = (status?: string) => statusLabels[status as keyof typeof statusLabels] ?? status;
                  return (
                    <li key={event.id}>
                      <BusinessTime value={event.createdAt} />: moved from {name(payload.from)} to {name(payload.to)}{" "}
                      {actorWords[event.actorKind] ?? ""}
                    </li>
                  );
                })}
              </ul>
            ) : null}
          </Card>
          <Card title="Details" description="Captured by the assistant; correct anything here.">
            <LeadFieldsEditor
              key={lead.updatedAt.toISOString()}
              leadId={lead.id}
              initial={{
                name: lead.name ?? "",
                address: lead.address ?? "",
                service: lead.service ?? "",
                problem: lead.problem ?? "",
                preferredTime: lead.preferredTime ?? "",
                urgency: lead.urgency,
                notes: lead.notes,
              }}
            />
          </Card>
        </div>
        <div className="space-y-4">
          <Card title="Conversation">
            <LeadConversation threads={lead.threads} />
          </Card>
          <Card title="Calls">
            <LeadCalls calls={lead.calls} />
          </Card>
          <Card title="Consent">
            {lead.consentChanges.length === 0 ? (
              <p className="text-sm text-slate-500">No opt-out or opt-in recorded.</p>
            ) : (
              <ul className="space-y-1 text-sm" data-testid="lead-consent-history">
                {lead.consentChanges.map((change) => (
                  <li key={change.id} className="break-words">
                    <BusinessTime value={change.createdAt} />:{" "}
                    {change.action === "opt_out" ? "Opted out" : "Opted back in"} {consentReasonText(change)}
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      </div>
    </div>
  );
}
