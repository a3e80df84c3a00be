"use client";
// The simulated handset ringing: the professional pressed "Call back", so the customer sees the business number.
export type SimulatorCall = { id: string; from: string; createdAt: string };

function formatNumber(e164: string): string {
  const match = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  return match ? `(${match[1]}) ${match[2]}-${match[3]}` : e164;
}

export function SimulatorIncomingCall({ calls }: { calls: SimulatorCall[] }) {
  const latest = calls[0];
  if (!latest) return null;
  return (
    <div
      className="border-b border-emerald-200 bg-emerald-50 px-4 py-2 text-center"
      role="status"
      data-testid="sim-incoming-call"
    >
      <p className="text-sm font-semibold text-emerald-900">📲 Incoming call from {formatNumber(latest.from)}</p>
      <p className="text-[11px] text-emerald-800">
        {new Date(latest.createdAt).toLocaleTimeString([], { hour: "numeric", minute: "2-digit" })} · the business
        calling you back
      </p>
    </div>
  );
}
