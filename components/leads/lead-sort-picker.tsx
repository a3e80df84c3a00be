"use client";
// Sorting on a phone, where there are no column headers to tap: one select of field and direction.
import { sortColumns } from "@/components/leads/lead-labels";

const directions = { asc: "↑", desc: "↓" } as const;
const sortable = sortColumns.filter((column) => column.key !== null);

export function LeadSortPicker({
  sort,
  dir,
  onSort,
}: {
  sort: string;
  dir: "asc" | "desc";
  onSort: (key: string, dir?: "asc" | "desc") => void;
}) {
  return (
    <label className="flex items-center justify-end gap-2 text-sm text-slate-700">
      Sort by
      <select
        data-testid="leads-sort"
        value={`${sort}:${dir}`}
        onChange={(event) => {
          const [key, direction] = event.target.value.split(":") as [string, "asc" | "desc"];
          onSort(key, direction);
        }}
        className="min-h-11 rounded-lg border border-slate-300 bg-white px-2"
      >
        {sortable.flatMap((column) =>
          (["desc", "asc"] as const).map((direction) => (
            <option key={`${column.key}:${direction}`} value={`${column.key}:${direction}`}>
              {column.label === "Lead" ? "Name" : column.label} {directions[direction]}
            </option>
          )),
        )}
      </select>
    </label>
  );
}
