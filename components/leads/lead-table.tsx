"use client";
// The leads table: sortable headers, a highlighted row for keyboard navigation (j/k, Enter opens).
import { clsx } from "clsx";
import Link from "next/link";
import { sourceLabels, statusLabels, statusTones, urgencyLabels } from "@/components/leads/lead-labels";
import { Badge } from "@/components/ui/badge";
import { formatMoney } from "@/components/dashboard/format";

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

const columns = [
  { key: "name", label: "Lead" },
  { key: "status", label: "Status" },
  { key: "urgency", label: "Urgency" },
  { key: null, label: "Service" },
  { key: "valueCents", label: "Value" },
  { key: "createdAt", label: "Created" },
] as const;

export function LeadTable({
  leads,
  sort,
  dir,
  onSort,
  activeIndex,
  timeZone,
}: {
  leads: LeadRow[];
  sort: string;
  dir: "asc" | "desc";
  onSort: (key: string) => void;
  activeIndex: number;
  timeZone: string;
}) {
  return (
    <div className="overflow-x-auto rounded-2xl bg-white shadow-sm ring-1 ring-slate-200">
      <table className="w-full min-w-[640px] text-left text-sm">
        <thead className="border-b border-slate-200 bg-slate-50 text-slate-600">
          <tr>
            {columns.map((column) => (
              <th
                key={column.label}
                scope="col"
                className="px-3 py-2 font-medium"
                aria-sort={column.key === sort ? (dir === "asc" ? "ascending" : "descending") : undefined}
              >
                {column.key ? (
                  <button
                    type="button"
                    onClick={() => onSort(column.key!)}
                    className="inline-flex items-center gap-1 hover:text-slate-900"
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
              <td className="px-3 py-2">
                <Link href={`/leads/${lead.id}`} className="font-medium text-slate-900 hover:underline">
                  {lead.name ?? lead.phone}
                </Link>
                <span className="block text-xs text-slate-500">
                  {lead.name ? `${lead.phone} · ` : ""}
                  {lead.address ?? sourceLabels[lead.source]}
                </span>
              </td>
              <td className="px-3 py-2">
                <Badge tone={statusTones[lead.status]}>{statusLabels[lead.status]}</Badge>
              </td>
              <td className={clsx("px-3 py-2", lead.urgency === "emergency" && "font-semibold text-red-700")}>
                {urgencyLabels[lead.urgency]}
              </td>
              <td className="px-3 py-2 text-slate-700">{lead.service ?? "—"}</td>
              <td className="px-3 py-2 tabular-nums">
                {lead.valueCents === null ? "—" : formatMoney(lead.valueCents)}
              </td>
              <td className="px-3 py-2 text-slate-600">
                {new Date(lead.createdAt).toLocaleString("en-US", {
                  timeZone,
                  dateStyle: "medium",
                  timeStyle: "short",
                })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
