// POST /api/twilio/message-status — Twilio reports an outgoing message's delivery (sent, delivered, failed…).
import { applyMessageStatus } from "@/lib/telephony/apply-message-status";
import { noContentAnswer } from "@/lib/telephony/plain-webhook";
import { twilioWebhook } from "@/lib/telephony/twilio-webhook";
import { messageStatusParamsSchema, messageStatusQuerySchema } from "@/lib/telephony/webhook-schemas";

export const messageStatusWebhook = twilioWebhook(async ({ params, query }) => {
  const input = messageStatusParamsSchema.parse(params);
  // Our message's id, from the URL we gave Twilio with the message (the signature covers it).
  const { messageId } = messageStatusQuerySchema.parse(query);
  await applyMessageStatus({
    messageSid: input.MessageSid,
    twilioStatus: input.MessageStatus,
    errorCode: input.ErrorCode,
    errorMessage: input.ErrorMessage,
    messageId,
  });
  return noContentAnswer();
});
