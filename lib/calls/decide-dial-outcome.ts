// "No silent misses": the professional's carrier voicemail answers calls too, and Twilio then reports the dial
// as `completed`. A completed dial counts as answered only if it lasted long enough and, with the whisper
// screen on, the professional pressed 1 (voicemail cannot).
import type { MissReason } from "@/lib/calls/miss-reason";

export type DialOutcome = { isMissed: true; missReason: MissReason } | { isMissed: false };

const missedStatuses = new Set<MissReason>(["no-answer", "busy", "failed", "canceled"]);

export function decideDialOutcome(input: {
  dialStatus: string;
  dialDurationSec?: number;
  minAnsweredSeconds: number;
  isWhisperEnabled: boolean;
  wasScreened: boolean;
}): DialOutcome {
  const status = input.dialStatus.toLowerCase();
  if (missedStatuses.has(status as MissReason)) return { isMissed: true, missReason: status as MissReason };
  // Any other status (none, or one Twilio may add) did not reach the professional: recorded as failed.
  if (status !== "completed" && status !== "answered") return { isMissed: true, missReason: "failed" };
  if (input.isWhisperEnabled && !input.wasScreened) return { isMissed: true, missReason: "not_screened" };
  if ((input.dialDurationSec ?? 0) < input.minAnsweredSeconds) return { isMissed: true, missReason: "short_answer" };
  return { isMissed: false };
}
