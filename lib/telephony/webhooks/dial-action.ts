// POST /api/twilio/dial-action — the professional's leg ended: answered, or missed (auto-SMS + voicemail greeting).
import { handleDialResult } from "@/lib/calls/handle-dial-result";
import { twilioWebhook } from "@/lib/telephony/twilio-webhook";
import { dialActionParamsSchema } from "@/lib/telephony/webhook-schemas";

export const dialActionWebhook = twilioWebhook(async ({ params }) => {
  const input = dialActionParamsSchema.parse(params);
  return handleDialResult({
    callSid: input.CallSid,
    from: input.From,
    to: input.To,
    dialStatus: input.DialCallStatus,
    dialDurationSec: input.DialCallDuration,
  });
});
