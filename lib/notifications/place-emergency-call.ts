// An emergency nobody opened: ring the professional with a spoken alert and "press 1 to connect to the customer".
// In simulator mode nothing leaves the machine: the call is recorded as an Event the thread shows.
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { recordEvent } from "@/lib/events/record-event";
import { logger, maskPhone } from "@/lib/log";
import { serializeError } from "@/lib/serialize-error";
import { getTwilioClient } from "@/lib/telephony/twilio-client";
import { callbackUrl, voiceResponse } from "@/lib/telephony/twiml";

export function emergencyAlertTwiml({
  title,
  threadId,
  businessId,
}: {
  title: string;
  threadId: string;
  businessId: string;
}): string {
  const response = voiceResponse();
  const gather = response.gather({
    numDigits: 1,
    timeout: 10,
    // Signed with the URL: the connect step finds the thread only within this business.
    action: callbackUrl("emergency-connect", { threadId, businessId }),
    method: "POST",
  });
  gather.say(`Emergency lead from Ringback. ${title}. Press 1 to connect to the customer now.`);
  response.say("No key pressed. Open the Ringback inbox to answer. Goodbye.");
  return response.toString();
}

export async function placeEmergencyCall(input: {
  businessId: string;
  threadId: string;
  leadId: string;
  memberPhone: string;
  title: string;
}) {
  const from = await db.phoneNumber.findFirst({
    where: { businessId: input.businessId },
    orderBy: { createdAt: "asc" },
    select: { e164: true },
  });
  const twiml = emergencyAlertTwiml(input);
  let callSid: string | null = null;
  let error: string | null = null;
  if (!env().twilio.isSimulator && from) {
    try {
      const call = await getTwilioClient().calls.create({ to: input.memberPhone, from: from.e164, twiml });
      callSid = call.sid;
    } catch (cause) {
      error = serializeError(cause).message;
      logger.error({ err: cause, to: maskPhone(input.memberPhone) }, "emergency alert call failed");
    }
  }
  await recordEvent(
    "notification.emergency_call",
    { to: maskPhone(input.memberPhone), callSid, simulated: env().twilio.isSimulator, error },
    { businessId: input.businessId, threadId: input.threadId, leadId: input.leadId, actor: { kind: "system" } },
  );
}
