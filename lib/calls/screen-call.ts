// The whisper screen on the professional's leg: "Call for Acme Plumbing — press 1 to take it". Voicemail cannot
// press 1, so a call without the key press counts as missed (decideDialOutcome reads the call.screened event).
import { db } from "@/lib/db/client";
import { recordEvent } from "@/lib/events/record-event";
import { callbackUrl, emptyTwiml, twimlResponse, voiceResponse } from "@/lib/telephony/twiml";

export async function whisperPrompt({ parentCallSid }: { parentCallSid: string }): Promise<Response> {
  const call = await db.call.findUnique({
    where: { callSid: parentCallSid },
    select: { business: { select: { name: true } } },
  });
  const response = voiceResponse();
  if (!call) {
    response.hangup();
    return twimlResponse(response);
  }
  const gather = response.gather({
    numDigits: 1,
    timeout: 6,
    action: callbackUrl("whisper-result", { parentCallSid }),
    method: "POST",
  });
  gather.say(`Call for ${call.business.name}. Press 1 to take it.`);
  response.hangup();
  return twimlResponse(response);
}

export async function whisperResult({
  parentCallSid,
  digits,
}: {
  parentCallSid: string;
  digits: string;
}): Promise<Response> {
  const call = await db.call.findUnique({ where: { callSid: parentCallSid }, select: { id: true, businessId: true } });
  if (!call || digits.trim() !== "1") {
    const response = voiceResponse();
    response.hangup();
    return twimlResponse(response);
  }
  const already = await db.event.findFirst({
    where: {
      businessId: call.businessId,
      type: "call.screened",
      payload: { path: ["callSid"], equals: parentCallSid },
    },
    select: { id: true },
  });
  if (!already) {
    await recordEvent({
      businessId: call.businessId,
      callId: call.id,
      type: "call.screened",
      actor: { kind: "user" },
      payload: { callSid: parentCallSid },
    });
  }
  return emptyTwiml(); // an empty answer bridges the two legs
}
