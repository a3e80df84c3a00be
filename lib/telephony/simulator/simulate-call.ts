// A call placed on /simulator: the same signed webhooks Twilio would send, in the same order. Ring-first: voice,
// (whisper key press when answered), then the Dial action; forwarded: voice alone (every call is missed). A missed
// caller may then leave a voicemail (the recording and transcription callbacks).
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { postTwilioWebhook } from "@/lib/telephony/simulator/post-twilio-webhook";
import { SIMULATOR_ACCOUNT_SID, simulatedSid } from "@/lib/telephony/simulator/simulator-sids";
import { simulateVoicemail } from "@/lib/telephony/simulator/simulate-voicemail";

export async function simulateCall({
  businessId,
  from,
  isAnswered,
  callerName,
  voicemail,
}: {
  businessId: string;
  from: string;
  isAnswered: boolean;
  callerName?: string;
  /** leave a voicemail after the call is missed (the transcript defaults to what the sample recording says) */
  voicemail?: { transcript?: string };
}) {
  const business = await db.business.findUniqueOrThrow({
    where: { id: businessId },
    select: {
      routingMode: true,
      forwardTo: true,
      whisperEnabled: true,
      phoneNumbers: { select: { e164: true }, orderBy: { createdAt: "asc" }, take: 1 },
    },
  });
  const to = business.phoneNumbers[0]?.e164;
  if (!to) throw new AppError("conflict", "This business has no phone number to call.");
  const callSid = simulatedSid("CA");
  const common = {
    AccountSid: SIMULATOR_ACCOUNT_SID,
    CallSid: callSid,
    From: from,
    To: to,
    Direction: "inbound",
    ApiVersion: "2010-04-01",
    ...(callerName ? { CallerName: callerName } : {}),
  };
  const voice = await postTwilioWebhook("/api/twilio/voice", { ...common, CallStatus: "ringing" });
  if (voice.status !== 200) throw new AppError("internal", `The voice webhook answered ${voice.status}.`);
  if (business.routingMode === "ring_first" && business.forwardTo) {
    if (isAnswered && business.whisperEnabled) {
      await postTwilioWebhook(`/api/twilio/whisper-result?parentCallSid=${callSid}`, {
        AccountSid: SIMULATOR_ACCOUNT_SID,
        CallSid: simulatedSid("CA"),
        Digits: "1",
      });
    }
    const dial = await postTwilioWebhook("/api/twilio/dial-action", {
      ...common,
      CallStatus: "in-progress",
      DialCallStatus: isAnswered ? "completed" : "no-answer",
      DialCallDuration: isAnswered ? "45" : "0",
    });
    if (dial.status !== 200) throw new AppError("internal", `The Dial action webhook answered ${dial.status}.`);
  }
  const call = await db.call.findUniqueOrThrow({
    where: { callSid },
    select: { id: true, isMissed: true, missReason: true, skipReason: true, threadId: true },
  });
  if (voicemail) {
    if (!call.isMissed) throw new AppError("conflict", "Only a missed call can leave a voicemail.");
    await simulateVoicemail({ callSid, transcript: voicemail.transcript });
  }
  return { callSid, ...call, hasVoicemail: Boolean(voicemail) };
}
