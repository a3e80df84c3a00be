// The voicemail as the app API shows it: a same-origin URL that plays the recording for a signed-in member
// (GET /api/calls/{id}/voicemail), or null when there is nothing the app can play.
import { parseRecordingRef } from "@/lib/telephony/recording-sid";

export function voicemailUrlFor(call: { id: string; voicemailUrl: string | null; recordingSid: string | null }) {
  const ref = parseRecordingRef({ recordingUrl: call.voicemailUrl, recordingSid: call.recordingSid });
  return ref ? `/api/calls/${encodeURIComponent(call.id)}/voicemail` : null;
}
