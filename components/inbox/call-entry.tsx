// A call in the conversation timeline: missed or answered, and the voicemail if one was left; or a call back.
import { BusinessTime } from "@/components/display/business-time";
import { callProgressText } from "@/components/inbox/call-progress";
import type { ThreadCall } from "@/components/inbox/types";

function callTitle(call: ThreadCall): string {
  if (call.direction === "outbound") return "Called back";
  return call.isMissed === false ? "Answered call" : "Missed call";
}

export function CallEntry({ call }: { call: ThreadCall }) {
  return (
    <li
      className="mx-auto w-full max-w-sm rounded-xl bg-amber-50 px-3 py-2 text-center text-sm text-amber-900 ring-1 ring-amber-200"
      data-testid="call-entry"
    >
      <p className="font-semibold">
        {callTitle(call)} · <BusinessTime value={call.createdAt} style="time" />
      </p>
      {/* "simulated": a call back placed before calls reported their progress; it has nothing to follow. */}
      {call.direction === "outbound" && call.status !== "simulated" ? (
        <p data-testid="call-progress">{callProgressText(call.status)}</p>
      ) : null}
      {call.voicemailUrl || call.voicemailTranscript ? (
        <div className="mt-1 space-y-1" data-testid="voicemail">
          <p>Voicemail{call.voicemailDurationSec ? ` (${call.voicemailDurationSec} s)` : ""}</p>
          {call.voicemailUrl ? (
            <audio
              controls
              preload="metadata"
              src={call.voicemailUrl}
              className="w-full"
              aria-label="Play the voicemail"
            />
          ) : null}
          {call.voicemailTranscript ? <p className="italic">“{call.voicemailTranscript}”</p> : null}
        </div>
      ) : null}
    </li>
  );
}
