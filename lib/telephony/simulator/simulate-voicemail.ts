// The caller leaves a voicemail after a simulated missed call: Twilio's <Record> action callback (the recording, on
// the simulator's account, so it plays the shipped sample) and then its transcription callback, both signed.
import { sampleVoicemail } from "@/lib/calls/sample-voicemail";
import { AppError } from "@/lib/errors";
import { postTwilioWebhook } from "@/lib/telephony/simulator/post-twilio-webhook";
import { SIMULATOR_ACCOUNT_SID, simulatedSid, simulatorRecordingUrl } from "@/lib/telephony/simulator/simulator-sids";

export async function simulateVoicemail({ callSid, transcript }: { callSid: string; transcript?: string }) {
  const recordingSid = simulatedSid("RE");
  const recordingUrl = simulatorRecordingUrl(recordingSid);
  const common = { AccountSid: SIMULATOR_ACCOUNT_SID, CallSid: callSid, ApiVersion: "2010-04-01" };
  const recorded = await postTwilioWebhook("/api/twilio/recording", {
    ...common,
    RecordingSid: recordingSid,
    RecordingUrl: recordingUrl,
    RecordingDuration: String(sampleVoicemail.durationSec),
    Digits: "hangup",
  });
  if (recorded.status !== 200) throw new AppError("internal", `The recording webhook answered ${recorded.status}.`);
  const transcribed = await postTwilioWebhook("/api/twilio/transcription", {
    ...common,
    RecordingSid: recordingSid,
    RecordingUrl: recordingUrl,
    TranscriptionSid: simulatedSid("TR"),
    TranscriptionStatus: "completed",
    TranscriptionText: transcript?.trim() || sampleVoicemail.transcript,
  });
  if (transcribed.status >= 300) {
    throw new AppError("internal", `The transcription webhook answered ${transcribed.status}.`);
  }
  return { recordingSid };
}
