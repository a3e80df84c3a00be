"use client";
// Today, 7 days, 30 days or a custom range of local days (the API reads them in the business timezone).
import { clsx } from "clsx";

export type Period = { preset: "today" | "7d" | "30d" | "custom"; from?: string; to?: string };

const presets = [
  { preset: "today", label: "Today" },
  { preset: "7d", label: "7 days" },
  { preset: "30d", label: "30 days" },
  { preset: "custom", label: "Custom" },
] as const;

export function PeriodPicker({ value, onChange }: { value: Period; onChange: (period: Period) => void }) {
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="period-picker">
      <div role="group" aria-label="Period" className="inline-flex rounded-xl bg-slate-100 p-1">
        {presets.map((option) => (
          <button
            key={option.preset}
            type="button"
            aria-pressed={value.preset === option.preset}
            onClick={() => onChange({ ...value, preset: option.preset })}
            className={clsx(
              "min-h-11 rounded-lg px-3 text-sm font-medium",
              value.preset === option.preset ? "bg-white shadow-sm" : "text-slate-700 hover:text-slate-900",
            )}
          >
            {option.label}
          </button>
        ))}
      </div>
      {value.preset === "custom" ? (
        <div className="flex items-center gap-2 text-sm">
          <label className="sr-only" htmlFor="period-from">
            From
          </label>
          <input
            id="period-from"
            type="date"
            value={value.from ?? ""}
            onChange={(event) => onChange({ ...value, from: event.target.value })}
            aria-invalid={periodProblem(value) !== null}
            className="min-h-11 rounded-lg border border-slate-300 px-2"
          />
          <span aria-hidden>–</span>
          <label className="sr-only" htmlFor="period-to">
            To
          </label>
          <input
            id="period-to"
            type="date"
            value={value.to ?? ""}
            onChange={(event) => onChange({ ...value, to: event.target.value })}
            aria-invalid={periodProblem(value) !== null}
            className="min-h-11 rounded-lg border border-slate-300 px-2"
          />
        </div>
      ) : null}
    </div>
  );
}

/** Why a custom range cannot be shown, in words, or null when it can. */
export function periodProblem(period: Period): string | null {
  if (period.preset !== "custom") return null;
  if (!period.from || !period.to) return "Pick a start and an end date.";
  if (period.from > period.to) return "The start date is after the end date. Pick a start on or before the end.";
  return null;
}

/** The /api/metrics query for a period; presets count whole local days ending today (the server's default end). */
export function periodQuery(period: Period, today: string): string {
  const shift = (days: number) => {
    const date = new Date(`${today}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() - days);
    return date.toISOString().slice(0, 10);
  };
  if (period.preset === "today") return `from=${today}&to=${today}`;
  if (period.preset === "7d") return `from=${shift(6)}&to=${today}`;
  if (period.preset === "30d") return `from=${shift(29)}&to=${today}`;
  if (period.from && period.to) return `from=${period.from}&to=${period.to}`;
  return `from=${shift(6)}&to=${today}`;
}
