// Number formatting for the dashboard: percentages, seconds, money.
export function formatPercent(value: number | null): string {
  return value === null ? "—" : `${(value * 100).toFixed(value >= 0.995 || value === 0 ? 0 : 1)} %`;
}

export function formatSeconds(value: number | null): string {
  if (value === null) return "—";
  if (value < 10) return `${value.toFixed(1)} s`;
  if (value < 120) return `${Math.round(value)} s`;
  return `${(value / 60).toFixed(1)} min`;
}

export function formatMoney(cents: number): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 }).format(
    cents / 100,
  );
}

export const skipReasonLabels: Record<string, string> = {
  opted_out: "Opted out",
  anonymous: "Anonymous / blocked caller ID",
  invalid_number: "Invalid number",
  landline: "Landline (cannot receive SMS)",
  rejected: "Rejected by Twilio",
  ignored: "On the ignore list",
  own_number: "The business's own number",
  repeat_caller: "Called again (already texted)",
  too_old: "Found too late to text (older than the reconciliation horizon)",
  send_failed: "Auto-SMS failed",
  not_sent: "Auto-SMS not sent yet",
};
