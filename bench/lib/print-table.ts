// Prints scenario summaries as one aligned table per scenario: metric | value.
export function printTable(rows: Array<{ name: string; summary: Record<string, string | number> }>) {
  for (const { name, summary } of rows) {
    const entries = Object.entries(summary).map(([metric, value]) => [metric, String(value)] as const);
    const width = Math.max(name.length, ...entries.map(([metric]) => metric.length));
    const valueWidth = Math.max(5, ...entries.map(([, value]) => value.length));
    const line = `+${"-".repeat(width + 2)}+${"-".repeat(valueWidth + 2)}+`;
    console.log(`\n${line}\n| ${name.padEnd(width)} | ${"value".padStart(valueWidth)} |\n${line}`);
    for (const [metric, value] of entries) console.log(`| ${metric.padEnd(width)} | ${value.padStart(valueWidth)} |`);
    console.log(line);
  }
}
