// The first webhook of a call (`/api/twilio/voice`). Ring-first: record the call and dial the professional;
// the Dial action decides missed or answered. Forwarded: the call arrives already missed.
import { findBusinessByNumber } from "@/lib/calls/find-business-by-number";
import { handleMissedCall } from "@/lib/calls/handle-missed-call";
import { lockCallInTx } from "@/lib/calls/lock-call";
import { missedBeforeRinging } from "@/lib/calls/miss-reason";
import { sqlDb } from "@/lib/db/kysely";
import type { TwilioWebhookAnswer } from "@/lib/telephony/plain-webhook";
import {
  callbackUrl,
  greetingAndVoicemail,
  twimlAnswer,
  unknownNumberAnswer,
  voiceResponse,
} from "@/lib/telephony/twiml";

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
  await lockCallInTx(sqlDb(), { businessId: business.id, callSid, from, to });
  const response = voiceResponse();
  // callerId = the customer's number, so the professional sees who is calling.
  const dial = response.dial({
    timeout: business.ringTimeoutSeconds,
    action: callbackUrl("dial-action"),
    method: "POST",
    ...(from.startsWith("+") ? { callerId: from } : {}),
  });
  if (business.whisperEnabled) {
    dial.number({ url: callbackUrl("whisper", { parentCallSid: callSid }), method: "POST" }, business.forwardTo);
  } else {
    dial.number(business.forwardTo);
  }
  return twimlAnswer(response);
}
