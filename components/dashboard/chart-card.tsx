// A titled panel with a fixed-height chart area (recharts needs a sized parent).
import type { ReactNode } from "react";

export function ChartCard({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <section
      data-testid={testId}
      aria-label={title}
      className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200"
    >
      <h2 className="mb-3 text-base font-semibold">{title}</h2>
      <div className="h-64 w-full">{children}</div>
    </section>
  );
}
