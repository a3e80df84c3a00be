// POST /api/twilio/call-status — the number's StatusCallback (how a caller's call ended: completed, busy…) and the
// progress of a call Ringback placed (Call back: ringing, answered, ended).
import { recordCallStatus } from "@/lib/calls/record-call-status";
import { noContentAnswer } from "@/lib/telephony/plain-webhook";
import { twilioWebhook } from "@/lib/telephony/twilio-webhook";
import { callStatusParamsSchema } from "@/lib/telephony/webhook-schemas";

export const callStatusWebhook = twilioWebhook(async ({ params }) => {
  const input = callStatusParamsSchema.parse(params);
  await recordCallStatus({ callSid: input.CallSid, status: input.CallStatus, from: input.From });
  return noContentAnswer();
});
