// A won job's value as people type and read it: "1250.50", "$1,250.50" or "1,250" in, cents out; shown back to the
// cent ($1,250.50, and $450 without cents). Anything else ("1e3", "12.345", "1,25", "-5") is refused, not guessed.
const AMOUNT = /^\$?\s*(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,2})?$/;

export const MAX_JOB_VALUE_CENTS = 1_000_000_000;

/** Cents for a typed amount, null for an empty field, undefined when it is not an amount. */
export function parseJobValue(input: string): number | null | undefined {
  const text = input.trim();
  if (text === "") return null;
  if (!AMOUNT.test(text)) return undefined;
  const [whole, fraction = ""] = text.replace(/[$,\s]/g, "").split(".");
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  return Number.isSafeInteger(cents) && cents <= MAX_JOB_VALUE_CENTS ? cents : undefined;
}

/** $1,250.50; whole amounts without cents ($450). */
export function formatJobValue(cents: number): string {
  const hasCents = cents % 100 !== 0;
  return new Intl.NumberFormat("en-US", {
    style: "currency",
    currency: "USD",
    minimumFractionDigits: hasCents ? 2 : 0,
    maximumFractionDigits: hasCents ? 2 : 0,
  }).format(cents / 100);
}

/** The value as the input shows it again: 125050 → "1250.50". */
export function jobValueInput(cents: number | null): string {
  if (cents === null) return "";
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
}
