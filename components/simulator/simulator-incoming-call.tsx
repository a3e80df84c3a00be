"use client";
// The simulated handset ringing: the professional pressed "Call back", so the customer sees the business number and
// can answer, decline or hang up; the app hears it as Twilio's status callbacks.
export type SimulatorCall = { id: string; from: string; status: string; createdAt: string };

export type HandsetAction = "answer" | "decline" | "hang_up";

function formatNumber(e164: string): string {
  const match = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  return match ? `(${match[1]}) ${match[2]}-${match[3]}` : e164;
}

const isRinging = (status: string) => ["queued", "initiated", "ringing"].includes(status);

const buttonClass = "min-h-11 flex-1 rounded-full px-3 text-sm font-semibold text-white disabled:opacity-50";

export function SimulatorIncomingCall({
  calls,
  isBusy,
  onAction,
}: {
  calls: SimulatorCall[];
  isBusy: boolean;
  onAction: (callId: string, action: HandsetAction) => void;
}) {
  const latest = calls[0];
  if (!latest) return null;
  const number = formatNumber(latest.from);
  const title = isRinging(latest.status)
    ? `📲 Incoming call from ${number}`
    : latest.status === "in-progress"
      ? `On a call with ${number}`
      : latest.status === "completed"
        ? `Call with ${number} ended`
        : `Missed call from ${number}`;
  return (
    <div
      className="space-y-1.5 border-b border-emerald-200 bg-emerald-50 px-4 py-2 text-center"
      role="status"
      data-testid="sim-incoming-call"
      data-status={latest.status}
    >
      <p className="text-sm font-semibold text-emerald-900">{title}</p>
      <p className="text-xs text-emerald-900">
        {new Date(latest.createdAt).toLocaleTimeString([], { hour: "numeric", minute: "2-digit" })} · the business
        calling you back
      </p>
      {isRinging(latest.status) ? (
        <div className="flex gap-2">
          <button
            type="button"
            data-testid="sim-call-decline"
            disabled={isBusy}
            onClick={() => onAction(latest.id, "decline")}
            className={`${buttonClass} bg-red-700 hover:bg-red-800`}
          >
            Decline
          </button>
          <button
            type="button"
            data-testid="sim-call-answer"
            disabled={isBusy}
            onClick={() => onAction(latest.id, "answer")}
            className={`${buttonClass} bg-emerald-700 hover:bg-emerald-800`}
          >
            Answer
          </button>
        </div>
      ) : latest.status === "in-progress" ? (
        <button
          type="button"
          data-testid="sim-call-hang-up"
          disabled={isBusy}
          onClick={() => onAction(latest.id, "hang_up")}
          className={`${buttonClass} w-full bg-red-700 hover:bg-red-800`}
        >
          Hang up
        </button>
      ) : null}
    </div>
  );
}
