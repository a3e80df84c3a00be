"use client";
// Search (name, number, address) and the filters of the leads table; the CSV export uses the same filter.
import type { LeadFilterState } from "@/components/leads/lead-filter-state";
import { statusLabels, statusOrder, urgencyLabels } from "@/components/leads/lead-labels";

// min-h-11: 44 px, a thumb-sized target on a phone.
const selectClass = "min-h-11 rounded-lg border border-slate-300 bg-white px-2 text-sm";

export function LeadFilters({
  value,
  onChange,
}: {
  value: LeadFilterState;
  onChange: (filter: LeadFilterState) => void;
}) {
  const set = (key: keyof LeadFilterState) => (event: { target: { value: string } }) =>
    onChange({ ...value, [key]: event.target.value });
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label className="sr-only" htmlFor="leads-search">
        Search leads
      </label>
      <input
        id="leads-search"
        data-testid="leads-search"
        type="search"
        placeholder="Search name, number, address"
        value={value.q}
        onChange={set("q")}
        className="min-h-11 w-full rounded-lg border border-slate-300 px-3 text-base sm:w-72 sm:text-sm"
      />
      <select
        aria-label="Status"
        data-testid="leads-status-filter"
        value={value.status}
        onChange={set("status")}
        className={selectClass}
      >
        <option value="">All statuses</option>
        {statusOrder.map((status) => (
          <option key={status} value={status}>
            {statusLabels[status]}
          </option>
        ))}
      </select>
      <select
        aria-label="Urgency"
        data-testid="leads-urgency-filter"
        value={value.urgency}
        onChange={set("urgency")}
        className={selectClass}
      >
        <option value="">Any urgency</option>
        {Object.entries(urgencyLabels).map(([key, label]) => (
          <option key={key} value={key}>
            {label}
          </option>
        ))}
      </select>
      <select
        aria-label="Source"
        data-testid="leads-source-filter"
        value={value.source}
        onChange={set("source")}
        className={selectClass}
      >
        <option value="">Calls and texts</option>
        <option value="call">From a call</option>
        <option value="text">From a text</option>
      </select>
      <label className="flex items-center gap-1 text-sm text-slate-700">
        From{" "}
        <input
          type="date"
          aria-label="Created from"
          value={value.from}
          onChange={set("from")}
          className={selectClass}
        />
      </label>
      <label className="flex items-center gap-1 text-sm text-slate-700">
        To <input type="date" aria-label="Created to" value={value.to} onChange={set("to")} className={selectClass} />
      </label>
    </div>
  );
}
