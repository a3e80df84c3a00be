// The professional pressed a key during the emergency alert call: 1 bridges them to the customer, showing the
// business number as caller ID. The thread is looked up within the business named in the signed callback URL, so a
// URL can only ever connect to that business's own customer.
import { db } from "@/lib/db/client";
import type { TwilioWebhookAnswer } from "@/lib/telephony/plain-webhook";
import { twimlAnswer, voiceResponse } from "@/lib/telephony/twiml";

export async function connectEmergencyCall({
  businessId,
  threadId,
  digits,
}: {
  businessId: string | undefined;
  threadId: string | undefined;
  digits: string | undefined;
}): Promise<TwilioWebhookAnswer> {
  const response = voiceResponse();
  const thread =
    businessId && threadId
      ? await db.thread.findFirst({
          where: { id: threadId, businessId },
          select: {
            lead: { select: { phone: true } },
            business: {
              select: { phoneNumbers: { take: 1, orderBy: { createdAt: "asc" }, select: { e164: true } } },
            },
          },
        })
      : null;
  const callerId = thread?.business.phoneNumbers[0]?.e164;
  if (digits === "1" && thread && callerId) {
    response.say("Connecting you to the customer.");
    response.dial({ callerId, timeout: 30 }, thread.lead.phone);
  } else {
    response.say("Okay. Open the Ringback inbox to answer. Goodbye.");
  }
  return twimlAnswer(response);
}
