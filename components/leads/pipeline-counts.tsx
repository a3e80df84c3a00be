// new → contacted → qualified → won | lost, with counts; a tap filters the table to that status.
import { clsx } from "clsx";
import { statusLabels, statusOrder, type LeadStatusName } from "@/components/leads/lead-labels";

export function PipelineCounts({
  counts,
  active,
  onSelect,
}: {
  counts: Record<LeadStatusName, number> | undefined;
  active: string;
  onSelect: (status: string) => void;
}) {
  return (
    <ol className="grid grid-cols-5 gap-2" aria-label="Pipeline" data-testid="pipeline-counts">
      {statusOrder.map((status) => (
        <li key={status}>
          <button
            type="button"
            onClick={() => onSelect(active === status ? "" : status)}
            aria-pressed={active === status}
            className={clsx(
              "w-full rounded-xl px-2 py-2 text-left ring-1 ring-inset",
              active === status ? "bg-brand-50 ring-brand-500" : "bg-white ring-slate-200 hover:bg-slate-50",
            )}
          >
            <span className="block text-xs text-slate-600">{statusLabels[status]}</span>
            <span className="block text-xl font-bold tabular-nums" data-testid={`pipeline-${status}`}>
              {counts ? counts[status] : "…"}
            </span>
          </button>
        </li>
      ))}
    </ol>
  );
}
