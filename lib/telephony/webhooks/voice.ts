// POST /api/twilio/voice — a call to one of our Twilio numbers: dial the professional, or (forwarded) it is missed.
import { startInboundCall } from "@/lib/calls/start-inbound-call";
import { twilioWebhook } from "@/lib/telephony/twilio-webhook";
import { voiceParamsSchema } from "@/lib/telephony/webhook-schemas";

export const voiceWebhook = twilioWebhook(async ({ params }) => {
  const input = voiceParamsSchema.parse(params);
  return startInboundCall({ callSid: input.CallSid, from: input.From, to: input.To });
});
