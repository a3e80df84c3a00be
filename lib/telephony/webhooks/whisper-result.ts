// POST /api/twilio/whisper-result — the professional's key press: 1 connects, anything else leaves the call missed.
import { whisperResult } from "@/lib/calls/screen-call";
import { twilioWebhook } from "@/lib/telephony/twilio-webhook";
import { whisperResultParamsSchema } from "@/lib/telephony/webhook-schemas";

export const whisperResultWebhook = twilioWebhook(async ({ params, query }) => {
  const input = whisperResultParamsSchema.parse({ ...params, ...query });
  return whisperResult({ parentCallSid: input.parentCallSid, digits: input.Digits });
});
