// POST /api/twilio/recording — the caller's voicemail is recorded: its URL joins the thread.
import { recordVoicemail } from "@/lib/calls/record-voicemail";
import { twilioWebhook } from "@/lib/telephony/twilio-webhook";
import { emptyTwiml } from "@/lib/telephony/twiml";
import { recordingParamsSchema } from "@/lib/telephony/webhook-schemas";

export const recordingWebhook = twilioWebhook(async ({ params }) => {
  const input = recordingParamsSchema.parse(params);
  await recordVoicemail({
    callSid: input.CallSid,
    recordingSid: input.RecordingSid,
    recordingUrl: input.RecordingUrl,
    durationSec: input.RecordingDuration,
  });
  return emptyTwiml();
});
