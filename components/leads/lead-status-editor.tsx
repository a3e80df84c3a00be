"use client";
// Changes a lead's status. Won asks for the job's value (optional) so the dashboard can show revenue won back.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { jobValueInput, parseJobValue } from "@/components/leads/job-value";
import { statusLabels, statusOrder } from "@/components/leads/lead-labels";
import { Button } from "@/components/ui/button";

export async function patchLead(leadId: string, body: Record<string, unknown>) {
  const response = await fetch(`/api/leads/${leadId}`, {
    method: "PATCH",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    const error = await response.json().catch(() => null);
    throw new Error(error?.error?.message ?? "Could not save.");
  }
}

export function LeadStatusEditor({
  leadId,
  status,
  valueCents,
}: {
  leadId: string;
  status: string;
  valueCents: number | null;
}) {
  const router = useRouter();
  const [pending, setPending] = useState<string | null>(null);
  const [value, setValue] = useState(jobValueInput(valueCents));
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  async function save(body: Record<string, unknown>) {
    setIsSaving(true);
    setError(null);
    try {
      await patchLead(leadId, body);
      setPending(null);
      router.refresh();
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setIsSaving(false);
    }
  }

  function onSelect(next: string) {
    if (next === status) return setPending(null);
    if (next === "won") return setPending("won");
    void save({ status: next });
  }

  const cents = parseJobValue(value);
  const isValueValid = cents !== undefined;

  return (
    <div className="space-y-2">
      <label className="block text-sm font-medium text-slate-700" htmlFor="lead-status">
        Status
      </label>
      <select
        id="lead-status"
        data-testid="lead-status-select"
        value={pending ?? status}
        onChange={(event) => onSelect(event.target.value)}
        disabled={isSaving}
        className="min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3"
      >
        {statusOrder.map((option) => (
          <option key={option} value={option}>
            {statusLabels[option]}
          </option>
        ))}
      </select>
      {pending === "won" ? (
        <form
          className="space-y-2 rounded-xl bg-emerald-50 p-3"
          onSubmit={(event) => {
            event.preventDefault();
            if (cents !== undefined) void save({ status: "won", valueCents: cents });
          }}
        >
          <label className="block text-sm font-medium text-emerald-900" htmlFor="lead-value">
            What was the job worth? (optional, $)
          </label>
          <input
            id="lead-value"
            data-testid="lead-value-input"
            inputMode="decimal"
            value={value}
            onChange={(event) => setValue(event.target.value)}
            aria-invalid={isValueValid ? undefined : true}
            aria-describedby={isValueValid ? undefined : "lead-value-error"}
            className="min-h-11 w-full rounded-lg border border-emerald-300 px-3 aria-[invalid=true]:border-red-500"
            placeholder="e.g. 450"
          />
          {!isValueValid ? (
            <p id="lead-value-error" className="text-sm text-red-700">
              Enter an amount such as 450 or 1,250.50.
            </p>
          ) : null}
          <div className="flex gap-2">
            <Button type="submit" disabled={isSaving || !isValueValid} data-testid="lead-mark-won">
              Mark won
            </Button>
            <Button look="ghost" onClick={() => setPending(null)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
