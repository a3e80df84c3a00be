// The conversion funnel of the period's missed calls: missed (could be texted) → texted (auto-SMS accepted)
// → replied (the customer answered in that thread) → qualified (the lead reached qualified or won) → won.
// Later stages count distinct leads, so a caller who rang twice is one lead (the rollup facts mark the first call
// of a lead at each stage within the period).
import { sumFacts, type FactSum } from "@/lib/metrics/rollup";

export function summarizeFunnel(rows: FactSum[]) {
  const calls = rows.filter((row) => row.kind === "call" && row.dim === "");
  const leadsAt = (kind: FactSum["kind"]) => sumFacts(rows, (row) => row.kind === kind && row.isFirst);
  return [
    { stage: "missed", count: sumFacts(calls, () => true) },
    { stage: "texted", count: sumFacts(calls, (row) => row.num === 1) },
    { stage: "replied", count: leadsAt("funnel_replied") },
    { stage: "qualified", count: leadsAt("funnel_qualified") },
    { stage: "won", count: leadsAt("funnel_won") },
  ];
}
