// POST /api/twilio/emergency-connect?threadId=…&businessId=… — the professional pressed a key during the emergency
// alert call: 1 bridges them to the customer. Both ids are part of the signed URL.
import { connectEmergencyCall } from "@/lib/calls/connect-emergency-call";
import { twilioWebhook } from "@/lib/telephony/twilio-webhook";

const text = (value: unknown) => (typeof value === "string" ? value : undefined);

export const emergencyConnectWebhook = twilioWebhook(async ({ params, query }) =>
  connectEmergencyCall({
    businessId: text(query.businessId),
    threadId: text(query.threadId),
    digits: text(params.Digits),
  }),
);
