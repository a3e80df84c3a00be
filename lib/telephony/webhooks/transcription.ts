// POST /api/twilio/transcription — Twilio's transcript of the voicemail joins the thread.
import { recordTranscription } from "@/lib/calls/record-voicemail";
import { noContentAnswer } from "@/lib/telephony/plain-webhook";
import { twilioWebhook } from "@/lib/telephony/twilio-webhook";
import { transcriptionParamsSchema } from "@/lib/telephony/webhook-schemas";

export const transcriptionWebhook = twilioWebhook(async ({ params }) => {
  const input = transcriptionParamsSchema.parse(params);
  await recordTranscription({
    callSid: input.CallSid,
    text: input.TranscriptionText,
    status: input.TranscriptionStatus,
  });
  return noContentAnswer();
});
