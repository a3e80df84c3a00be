// What a call Ringback never saw end was, from Twilio's record of it: answered by the professional, or missed and
// why. The caller's own call ends `completed` whenever Twilio answered it with TwiML (ours, or the fallback's
// greeting); whether the professional was reached is in the leg Twilio dialled for <Dial>.
import { decideDialOutcome } from "@/lib/calls/decide-dial-outcome";
import type { CallBusiness } from "@/lib/calls/find-business-by-number";
import { missedBeforeRinging, type MissReason } from "@/lib/calls/miss-reason";
import type { TwilioCall } from "@/lib/reconciliation/twilio-records";

export type FoundCallOutcome =
  | { isMissed: true; missReason: MissReason; dialStatus?: string; dialDurationSec?: number }
  | { isMissed: false; dialStatus: string; dialDurationSec: number };

/** The caller's call was never answered at all: it rang out, was busy, failed, or the caller hung up first. */
const UNANSWERED = new Set<MissReason>(["no-answer", "busy", "failed", "canceled"]);

export function decideFoundCall({
  business,
  call,
  dialLegs,
  wasScreened,
}: {
  business: Pick<CallBusiness, "routingMode" | "forwardTo" | "minAnsweredSeconds" | "whisperEnabled">;
  call: TwilioCall;
  /** the legs Twilio dialled for this call (read only when the call was answered by Twilio) */
  dialLegs: TwilioCall[];
  /** the professional pressed 1 on the whisper screen (Ringback saw that much) */
  wasScreened: boolean;
}): FoundCallOutcome {
  if (UNANSWERED.has(call.status as MissReason)) return { isMissed: true, missReason: call.status as MissReason };
  const missedEarly = missedBeforeRinging(business);
  if (missedEarly) return { isMissed: true, missReason: missedEarly };
  const leg = dialLegs.filter((candidate) => candidate.direction === "outbound-dial").at(-1);
  if (!leg) return { isMissed: true, missReason: "not_reached" };
  const outcome = decideDialOutcome({
    dialStatus: leg.status,
    dialDurationSec: leg.duration ?? 0,
    minAnsweredSeconds: business.minAnsweredSeconds,
    isWhisperEnabled: business.whisperEnabled,
    wasScreened,
  });
  if (outcome.isMissed) {
    return {
      isMissed: true,
      missReason: outcome.missReason,
      dialStatus: leg.status,
      dialDurationSec: leg.duration ?? 0,
    };
  }
  return { isMissed: false, dialStatus: leg.status, dialDurationSec: leg.duration ?? 0 };
}

/** Whether Twilio's call has ended (anything else may still become answered). */
export function hasEnded(call: TwilioCall): boolean {
  return ["completed", "no-answer", "busy", "failed", "canceled"].includes(call.status);
}

/** Whether the leg list matters: only a call Twilio answered may have reached the professional. */
export function needsDialLegs(business: Pick<CallBusiness, "routingMode" | "forwardTo">, call: TwilioCall): boolean {
  return call.status === "completed" && missedBeforeRinging(business) === null;
}
