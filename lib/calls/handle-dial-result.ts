// The Dial action (`/api/twilio/dial-action`): the professional's leg ended. Missed → the missed-call path and
// the voicemail greeting; answered → logged, no SMS, hang up.
import { decideDialOutcome } from "@/lib/calls/decide-dial-outcome";
import { findBusinessByNumber } from "@/lib/calls/find-business-by-number";
import { handleMissedCall } from "@/lib/calls/handle-missed-call";
import { recordAnsweredCall } from "@/lib/calls/record-answered-call";
import { db } from "@/lib/db/client";
import { emptyTwiml, greetingAndVoicemail, unknownNumberAnswer } from "@/lib/telephony/twiml";

export async function handleDialResult(input: {
  callSid: string;
  from: string;
  to: string;
  dialStatus: string;
  dialDurationSec?: number;
}): Promise<Response> {
  const business = await findBusinessByNumber(input.to);
  if (!business) return unknownNumberAnswer();
  // Only the whisper screen can mark a call screened: with it off, nothing is read.
  const screened = business.whisperEnabled
    ? await db.call.findUnique({ where: { callSid: input.callSid }, select: { screenedAt: true } })
    : null;
  const outcome = decideDialOutcome({
    dialStatus: input.dialStatus,
    dialDurationSec: input.dialDurationSec,
    minAnsweredSeconds: business.minAnsweredSeconds,
    isWhisperEnabled: business.whisperEnabled,
    wasScreened: Boolean(screened?.screenedAt),
  });
  const call = {
    businessId: business.id,
    business,
    callSid: input.callSid,
    from: input.from,
    to: input.to,
    dialStatus: input.dialStatus,
    dialDurationSec: input.dialDurationSec,
  };
  if (!outcome.isMissed) {
    await recordAnsweredCall(call);
    return emptyTwiml();
  }
  await handleMissedCall({ ...call, missReason: outcome.missReason });
  return greetingAndVoicemail(business.greetingMessage);
}
