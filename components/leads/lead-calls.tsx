// Call history with outcomes, skip reasons (why no text went out) and voicemails.
import { skipReasonLabels } from "@/components/dashboard/format";
import { BusinessTime } from "@/components/display/business-time";
import type { LeadDetail } from "@/lib/leads/get-lead";

export function LeadCalls({ calls }: { calls: LeadDetail["calls"] }) {
  if (calls.length === 0) return <p className="text-sm text-slate-500">No calls.</p>;
  return (
    <ul className="divide-y divide-slate-100" data-testid="lead-calls">
      {calls.map((call) => (
        <li key={call.id} className="space-y-1 py-2 text-sm">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <span className="font-medium">
              {call.isMissed ? "Missed call" : call.isMissed === false ? "Answered call" : "Call"}
              {call.isTest ? " (setup test)" : ""}
            </span>
            <BusinessTime value={call.createdAt} className="text-slate-600" />
          </div>
          {call.skipReason ? (
            <p className="text-amber-800" data-testid="lead-skip-reason">
              No text sent: {skipReasonLabels[call.skipReason] ?? call.skipReason}
            </p>
          ) : call.smsAcceptedAt && call.detectedAt ? (
            <p className="text-slate-600">
              Texted {((call.smsAcceptedAt.getTime() - call.detectedAt.getTime()) / 1000).toFixed(1)} s after the miss
            </p>
          ) : null}
          {call.voicemailUrl || call.voicemailTranscript ? (
            <div className="space-y-1 rounded-lg bg-slate-50 p-2" data-testid="voicemail">
              <p className="text-slate-700">
                Voicemail{call.voicemailDurationSec ? ` (${call.voicemailDurationSec} s)` : ""}
              </p>
              {call.voicemailUrl ? (
                <audio
                  controls
                  preload="none"
                  src={call.voicemailUrl}
                  className="w-full"
                  aria-label="Play the voicemail"
                />
              ) : null}
              {call.voicemailTranscript ? <p className="italic text-slate-600">“{call.voicemailTranscript}”</p> : null}
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
