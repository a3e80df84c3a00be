// POST /api/twilio/sms — a customer's text. Verify → parse → store (idempotent on MessageSid) → answer an empty
// <Response/> at once; keywords, notifications and the AI run as durable jobs after the answer.
import { inboundSmsSchema, mediaOf } from "@/lib/conversations/inbound-sms-schema";
import { receiveInboundMessage } from "@/lib/conversations/receive-inbound-message";
import { emptyTwiml } from "@/lib/telephony/twiml";
import { twilioWebhook } from "@/lib/telephony/twilio-webhook";

export const smsWebhook = twilioWebhook(async ({ params }) => {
  const input = inboundSmsSchema.parse(params);
  await receiveInboundMessage({
    messageSid: input.MessageSid,
    from: input.From,
    to: input.To,
    body: input.Body,
    ...mediaOf(params, input.NumMedia),
  });
  // Replies go out through the REST API (send-message jobs), never inline TwiML.
  return emptyTwiml();
});
