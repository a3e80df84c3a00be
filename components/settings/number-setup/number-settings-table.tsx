// A number's webhook settings, field by field; with `expected`, each row says whether it matches.
export type NumberSettings = {
  voiceUrl: string;
  voiceMethod: string;
  voiceFallbackUrl: string;
  smsUrl: string;
  smsMethod: string;
  statusCallback: string;
};

const ROWS: { field: keyof NumberSettings; label: string }[] = [
  { field: "voiceUrl", label: "A call comes in" },
  { field: "voiceMethod", label: "Calls method" },
  { field: "voiceFallbackUrl", label: "Primary handler fails (fallback)" },
  { field: "smsUrl", label: "A message comes in" },
  { field: "smsMethod", label: "Messages method" },
  { field: "statusCallback", label: "Call status changes" },
];

export function NumberSettingsTable({ settings, expected }: { settings: NumberSettings; expected?: NumberSettings }) {
  return (
    <dl className="divide-y divide-slate-100 text-sm">
      {ROWS.map(({ field, label }) => {
        const isMatch = expected ? settings[field] === expected[field] : null;
        return (
          <div key={field} data-testid={`number-setting-${field}`} className="grid gap-1 py-2 sm:grid-cols-[14rem_1fr]">
            <dt className="font-medium text-slate-700">{label}</dt>
            <dd className="flex items-start gap-2">
              <code className="min-w-0 flex-1 break-all text-slate-900">{settings[field] || "(not set)"}</code>
              {isMatch === null ? null : (
                <span className={isMatch ? "text-emerald-700" : "font-semibold text-red-700"}>
                  {isMatch ? "✓ set" : "✗ differs"}
                </span>
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
