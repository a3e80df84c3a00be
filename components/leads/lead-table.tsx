"use client";
// The leads: a sortable table on a desktop (j/k highlight a row, Enter opens it), a list of cards on a phone, where
// every lead is one thumb-sized link showing the same fields. Both carry data-testid="lead-row"; CSS shows one.
import { clsx } from "clsx";
import Link from "next/link";
import { BusinessTime } from "@/components/display/business-time";
import { PhoneNumber } from "@/components/display/phone-number";
import { formatJobValue } from "@/components/leads/job-value";
import { LeadSortPicker } from "@/components/leads/lead-sort-picker";
import { sortColumns, sourceLabels, statusLabels, statusTones, urgencyLabels } from "@/components/leads/lead-labels";
import { Badge } from "@/components/ui/badge";

export type LeadRow = {
  id: string;
  phone: string;
  name: string | null;
  address: string | null;
  service: string | null;
  urgency: keyof typeof urgencyLabels;
  status: keyof typeof statusLabels;
  source: keyof typeof sourceLabels;
  valueCents: number | null;
  createdAt: string;
};

type Props = {
  leads: LeadRow[];
  sort: string;
  dir: "asc" | "desc";
  onSort: (key: string, dir?: "asc" | "desc") => void;
  activeIndex: number;
};

function Who({ lead }: { lead: LeadRow }) {
  return lead.name ? <>{lead.name}</> : <PhoneNumber value={lead.phone} />;
}

function Where({ lead }: { lead: LeadRow }) {
  return (
    <>
      {lead.name ? (
        <>
          <PhoneNumber value={lead.phone} />
          {" · "}
        </>
      ) : null}
      {lead.address ?? `From a ${sourceLabels[lead.source].toLowerCase()}`}
    </>
  );
}

function Urgency({ lead }: { lead: LeadRow }) {
  return (
    <span className={clsx(lead.urgency === "emergency" && "font-semibold text-red-700")}>
      {urgencyLabels[lead.urgency]}
    </span>
  );
}

export function LeadTable(props: Props) {
  return (
    <>
      <LeadCards {...props} />
      <LeadDesktopTable {...props} />
    </>
  );
}

function LeadCards({ leads, sort, dir, onSort }: Props) {
  return (
    <div className="space-y-2 md:hidden">
      <LeadSortPicker sort={sort} dir={dir} onSort={onSort} />
      <ul className="space-y-2" aria-label="Leads">
        {leads.map((lead) => (
          <li key={lead.id} data-testid="lead-row" data-lead-id={lead.id}>
            <Link
              href={`/leads/${lead.id}`}
              className="block min-h-11 rounded-2xl bg-white p-3 shadow-sm ring-1 ring-slate-200 focus-visible:outline-2 focus-visible:outline-brand-600 active:bg-slate-50"
            >
              <span className="flex items-start justify-between gap-2">
                <span className="min-w-0">
                  <span className="block truncate text-base font-semibold text-slate-900" data-field="name">
                    <Who lead={lead} />
                  </span>
                  <span className="block truncate text-sm text-slate-600">
                    <Where lead={lead} />
                  </span>
                </span>
                <span data-field="status">
                  <Badge tone={statusTones[lead.status]}>{statusLabels[lead.status]}</Badge>
                </span>
              </span>
              <span className="mt-2 grid grid-cols-3 gap-2 text-sm">
                <span className="min-w-0">
                  <span className="block text-xs text-slate-600">Service</span>
                  <span className="block truncate text-slate-900">{lead.service ?? "—"}</span>
                </span>
                <span>
                  <span className="block text-xs text-slate-600">Urgency</span>
                  <Urgency lead={lead} />
                </span>
                <span>
                  <span className="block text-xs text-slate-600">Value</span>
                  <span className="tabular-nums text-slate-900">
                    {lead.valueCents === null ? "—" : formatJobValue(lead.valueCents)}
                  </span>
                </span>
              </span>
              <span className="mt-1 block text-xs text-slate-600">
                Created <BusinessTime value={lead.createdAt} />
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

function LeadDesktopTable({ leads, sort, dir, onSort, activeIndex }: Props) {
  return (
    <div className="hidden overflow-x-auto rounded-2xl bg-white shadow-sm ring-1 ring-slate-200 md:block">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
          <tr>
            {sortColumns.map((column) => (
              <th
                key={column.label}
                scope="col"
                className="px-3 font-medium"
                aria-sort={column.key === sort ? (dir === "asc" ? "ascending" : "descending") : undefined}
              >
                {column.key ? (
                  <button
                    type="button"
                    onClick={() => onSort(column.key!)}
                    className="inline-flex min-h-11 items-center gap-1 hover:text-slate-900"
                  >
                    {column.label}
                    {column.key === sort ? <span aria-hidden>{dir === "asc" ? "▲" : "▼"}</span> : null}
                  </button>
                ) : (
                  column.label
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {leads.map((lead, index) => (
            <tr
              key={lead.id}
              data-testid="lead-row"
              data-lead-id={lead.id}
              aria-selected={index === activeIndex}
              className={clsx(index === activeIndex ? "bg-brand-50" : "hover:bg-slate-50")}
            >
              <td className="px-3 py-1">
                <Link href={`/leads/${lead.id}`} className="flex min-h-11 flex-col justify-center hover:underline">
                  <span className="font-medium text-slate-900" data-field="name">
                    <Who lead={lead} />
                  </span>
                  <span className="block text-xs text-slate-600">
                    <Where lead={lead} />
                  </span>
                </Link>
              </td>
              <td className="px-3 py-2" data-field="status">
                <Badge tone={statusTones[lead.status]}>{statusLabels[lead.status]}</Badge>
              </td>
              <td className="px-3 py-2">
                <Urgency lead={lead} />
              </td>
              <td className="px-3 py-2 text-slate-700">{lead.service ?? "—"}</td>
              <td className="px-3 py-2 tabular-nums">
                {lead.valueCents === null ? "—" : formatJobValue(lead.valueCents)}
              </td>
              <td className="px-3 py-2 text-slate-600">
                <BusinessTime value={lead.createdAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
