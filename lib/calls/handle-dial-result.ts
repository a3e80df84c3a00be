// The Dial action (`/api/twilio/dial-action`): the professional's leg ended. Missed → the missed-call path and
// the voicemail greeting; answered → logged, no SMS, hang up. One unit of work: the call's row (locked) carries
// the whisper screen's mark, so the outcome is decided with nothing else read; when the mark cannot change it, a
// missed call's lead is locked in the call's statement.
import { classifyCaller } from "@/lib/calls/classify-caller";
import { decideDialOutcome, type DialOutcome } from "@/lib/calls/decide-dial-outcome";
import { findBusinessByNumber } from "@/lib/calls/find-business-by-number";
import { handleMissedCallInTx, leadToOpenFor } from "@/lib/calls/handle-missed-call";
import { lockCallAndLeadInTx, lockCallInTx } from "@/lib/calls/lock-call";
import { recordAnsweredCallInTx } from "@/lib/calls/record-answered-call";
import { runTransaction } from "@/lib/db/run-transaction";
import type { TwilioWebhookAnswer } from "@/lib/telephony/plain-webhook";
import { emptyTwiml, greetingAndVoicemail, unknownNumberAnswer } from "@/lib/telephony/twiml";

export async function handleDialResult(input: {
  callSid: string;
  from: string;
  to: string;
  dialStatus: string;
  dialDurationSec?: number;
}): Promise<TwilioWebhookAnswer> {
  const business = await findBusinessByNumber(input.to);
  if (!business) return unknownNumberAnswer();
  const outcomeIf = (wasScreened: boolean) =>
    decideDialOutcome({
      dialStatus: input.dialStatus,
      dialDurationSec: input.dialDurationSec,
      minAnsweredSeconds: business.minAnsweredSeconds,
      isWhisperEnabled: business.whisperEnabled,
      wasScreened,
    });
  // Most outcomes do not depend on the call's row (only an answer with whisper on reads its screen mark): then a
  // missed call from a customer locks its lead in the same statement as the call, one round trip fewer.
  const [ifScreened, ifNotScreened] = [outcomeIf(true), outcomeIf(false)];
  const knownOutcome = isSameOutcome(ifScreened, ifNotScreened) ? ifScreened : null;
  const leadToOpen = knownOutcome?.isMissed
    ? leadToOpenFor(business, classifyCaller(business, input.from), new Date())
    : null;
  const isMissed = await runTransaction(async (tx, outbox) => {
    const callIds = { businessId: business.id, callSid: input.callSid, from: input.from, to: input.to };
    const locked = leadToOpen
      ? await lockCallAndLeadInTx(tx, callIds, leadToOpen)
      : { call: await lockCallInTx(tx, callIds), opened: null };
    const { call } = locked;
    const outcome = knownOutcome ?? outcomeIf(call.screenedAt !== null);
    const details = { ...input, business };
    if (!outcome.isMissed) {
      await recordAnsweredCallInTx(tx, outbox, call, details);
      return false;
    }
    const missed = { ...details, missReason: outcome.missReason };
    await handleMissedCallInTx(tx, outbox, missed, call, locked.opened ?? undefined);
    return true;
  });
  return isMissed ? greetingAndVoicemail(business.greetingMessage) : emptyTwiml();
}

function isSameOutcome(a: DialOutcome, b: DialOutcome): boolean {
  return a.isMissed === b.isMissed && (!a.isMissed || (b.isMissed && a.missReason === b.missReason));
}
