// One success metric: its value, a secondary line, the target and whether it is met.
import { Badge } from "@/components/ui/badge";

export function KpiCard({
  testId,
  title,
  value,
  detail,
  target,
  isMet,
}: {
  testId: string;
  title: string;
  value: string;
  detail?: string;
  target: string;
  isMet: boolean | null;
}) {
  return (
    <section
      data-testid={testId}
      aria-label={title}
      className="flex flex-col gap-1 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200"
    >
      <div className="flex items-start justify-between gap-2">
        <h2 className="text-sm font-medium text-slate-600">{title}</h2>
        {isMet === null ? (
          <Badge>No data</Badge>
        ) : isMet ? (
          <Badge tone="success">Met</Badge>
        ) : (
          <Badge tone="warning">Not met</Badge>
        )}
      </div>
      <p className="text-3xl font-bold tabular-nums" data-testid={`${testId}-value`}>
        {value}
      </p>
      {detail ? <p className="text-sm text-slate-600">{detail}</p> : null}
      <p className="mt-auto text-xs text-slate-500">Target: {target}</p>
    </section>
  );
}
