// POST /api/twilio/message-status — Twilio reports an outgoing message's delivery (sent, delivered, failed…).
import { applyMessageStatus } from "@/lib/telephony/apply-message-status";
import { twilioWebhook } from "@/lib/telephony/twilio-webhook";
import { messageStatusParamsSchema } from "@/lib/telephony/webhook-schemas";

export const messageStatusWebhook = twilioWebhook(async ({ params }) => {
  const input = messageStatusParamsSchema.parse(params);
  await applyMessageStatus({
    messageSid: input.MessageSid,
    twilioStatus: input.MessageStatus,
    errorCode: input.ErrorCode,
    errorMessage: input.ErrorMessage,
  });
  return new Response(null, { status: 204 });
});
