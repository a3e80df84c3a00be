// POST /api/twilio/emergency-connect?threadId=… — the professional pressed a key during the emergency alert call:
// 1 bridges them to the customer, showing the business number. The threadId is part of the signed URL.
import { db } from "@/lib/db/client";
import { twilioWebhook } from "@/lib/telephony/twilio-webhook";
import { twimlResponse, voiceResponse } from "@/lib/telephony/twiml";

export const dynamic = "force-dynamic";

export const POST = twilioWebhook(async ({ params, query }) => {
  const response = voiceResponse();
  const threadId = typeof query.threadId === "string" ? query.threadId : undefined;
  const thread = threadId
    ? await db.thread.findUnique({
        where: { id: threadId },
        select: {
          lead: { select: { phone: true } },
          business: { select: { phoneNumbers: { take: 1, orderBy: { createdAt: "asc" }, select: { e164: true } } } },
        },
      })
    : null;
  const callerId = thread?.business.phoneNumbers[0]?.e164;
  if (params.Digits === "1" && thread && callerId) {
    response.say("Connecting you to the customer.");
    response.dial({ callerId, timeout: 30 }, thread.lead.phone);
  } else {
    response.say("Okay. Open the Ringback inbox to answer. Goodbye.");
  }
  return twimlResponse(response);
});
