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
  const screened = await db.event.findFirst({
    where: { businessId: business.id, type: "call.screened", payload: { path: ["callSid"], equals: input.callSid } },
    select: { id: true },
  });
  const outcome = decideDialOutcome({
    dialStatus: input.dialStatus,
    dialDurationSec: input.dialDurationSec,
    minAnsweredSeconds: business.minAnsweredSeconds,
    isWhisperEnabled: business.whisperEnabled,
    wasScreened: Boolean(screened),
  });
  const call = {
    businessId: business.id,
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
