// The first webhook of a call (`/api/twilio/voice`). Ring-first: record the call and dial the professional;
// the Dial action decides missed or answered. Forwarded: the call arrives already missed.
import { findBusinessByNumber } from "@/lib/calls/find-business-by-number";
import { handleMissedCall } from "@/lib/calls/handle-missed-call";
import { recordRingingCall } from "@/lib/calls/lock-call";
import { missedBeforeRinging } from "@/lib/calls/miss-reason";
import { sqlDb } from "@/lib/db/kysely";
import type { TwilioWebhookAnswer } from "@/lib/telephony/plain-webhook";
import { buildDial, dialProfessional, greetingAndVoicemail, unknownNumberAnswer } from "@/lib/telephony/twiml";

export async function startInboundCall({
  callSid,
  from,
  to,
}: {
  callSid: string;
  from: string;
  to: string;
}): Promise<TwilioWebhookAnswer> {
  const business = await findBusinessByNumber(to);
  if (!business) return unknownNumberAnswer();
  const missReason = missedBeforeRinging(business);
  // (`!business.forwardTo` is always in missReason already; it is written out so that forwardTo is known below.)
  if (missReason || !business.forwardTo) {
    await handleMissedCall({ business, callSid, from, to, missReason: missReason ?? "no_forward_to" });
    return greetingAndVoicemail(business.greetingMessage);
  }
  // One statement, no transaction: the Call exists (idempotent on CallSid) before the professional's phone rings.
  await recordRingingCall(sqlDb(), { businessId: business.id, callSid, from, to });
  // callerId = the customer's number, so the professional sees who is calling.
  const dial = { timeoutSeconds: business.ringTimeoutSeconds, forwardTo: business.forwardTo, callerNumber: from };
  return business.whisperEnabled ? buildDial({ ...dial, callSid }) : dialProfessional(dial);
}
