// The Dial action (`/api/twilio/dial-action`): the professional's leg ended. Missed → the missed-call path and
// the voicemail greeting; answered → logged, no SMS, hang up. One unit of work: the call's row (locked) carries
// the whisper screen's mark, so the outcome is decided with nothing else read.
import { decideDialOutcome } from "@/lib/calls/decide-dial-outcome";
import { findBusinessByNumber } from "@/lib/calls/find-business-by-number";
import { handleMissedCallInTx } from "@/lib/calls/handle-missed-call";
import { lockCallInTx } from "@/lib/calls/lock-call";
import { recordAnsweredCallInTx } from "@/lib/calls/record-answered-call";
import { runTransaction } from "@/lib/db/run-transaction";
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
  const isMissed = await runTransaction(async (tx, outbox) => {
    const call = await lockCallInTx(tx, {
      businessId: business.id,
      callSid: input.callSid,
      from: input.from,
      to: input.to,
    });
    const outcome = decideDialOutcome({
      dialStatus: input.dialStatus,
      dialDurationSec: input.dialDurationSec,
      minAnsweredSeconds: business.minAnsweredSeconds,
      isWhisperEnabled: business.whisperEnabled,
      wasScreened: call.screenedAt !== null,
    });
    const details = { ...input, business };
    if (!outcome.isMissed) {
      await recordAnsweredCallInTx(tx, outbox, call, details);
      return false;
    }
    await handleMissedCallInTx(tx, outbox, { ...details, missReason: outcome.missReason }, call);
    return true;
  });
  return isMissed ? greetingAndVoicemail(business.greetingMessage) : emptyTwiml();
}
