"use client";
// The one-tap "Available" / "On a job" switch. Optimistic: it flips at once, and flips back with a message if
// the save fails. When available during business hours, calls ring through and no auto-text goes out.
import { clsx } from "clsx";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

export function AvailabilityToggle({ initialAvailable }: { initialAvailable: boolean }) {
  const router = useRouter();
  const [isAvailable, setIsAvailable] = useState(initialAvailable);
  const [isSaving, setIsSaving] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [, startTransition] = useTransition();

  async function toggle() {
    const next = !isAvailable;
    setIsAvailable(next);
    setIsSaving(true);
    setError(undefined);
    try {
      const response = await fetch("/api/business", {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ available: next }),
      });
      if (!response.ok) throw new Error(String(response.status));
      const saved = (await response.json()) as { available: boolean };
      setIsAvailable(saved.available);
      startTransition(() => router.refresh());
    } catch {
      setIsAvailable(!next);
      setError("Could not save. Try again.");
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <div className="flex items-center gap-2">
      <button
        type="button"
        data-testid="availability-toggle"
        aria-pressed={isAvailable}
        aria-busy={isSaving}
        onClick={toggle}
        title={
          isAvailable
            ? "Calls ring through in business hours. Tap when you start a job."
            : "Missed calls get a text at once. Tap when you can answer."
        }
        className={clsx(
          "inline-flex min-h-11 shrink-0 items-center gap-2 whitespace-nowrap rounded-full px-4 text-base font-semibold ring-1 ring-inset transition-colors",
          "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600",
          isAvailable ? "bg-emerald-50 text-emerald-800 ring-emerald-300" : "bg-amber-50 text-amber-900 ring-amber-300",
        )}
      >
        <span
          aria-hidden="true"
          className={clsx("h-3 w-3 rounded-full", isAvailable ? "bg-emerald-500" : "bg-amber-500")}
        />
        {isAvailable ? "Available" : "On a job"}
      </button>
      {error ? (
        <span role="alert" className="text-sm font-medium text-red-700">
          {error}
        </span>
      ) : null}
    </div>
  );
}
