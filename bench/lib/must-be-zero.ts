// The correctness counts of a run: every scenario reports what must never happen (lost, doubled or failed work) as
// counts; one non-zero count anywhere fails the run, whatever the speed numbers say.
export function listViolations(rows: Array<{ name: string; mustBeZero: Record<string, number> }>): string[] {
  return rows.flatMap(({ name, mustBeZero }) =>
    Object.entries(mustBeZero)
      // NaN or a missing count is a broken measurement, not a pass.
      .filter(([, count]) => !(count === 0))
      .map(([what, count]) => `  ${name}: ${what} = ${count}`),
  );
}
