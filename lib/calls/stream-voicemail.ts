// The audio of one call's voicemail, for a member of the call's business (another business's call is a 404, like a
// missing one). Simulator recordings play the shipped sample; real ones stream from Twilio, with Range passed on.
import { readSampleVoicemail } from "@/lib/calls/sample-voicemail";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { rangeResponse, relayRangeResponse } from "@/lib/http/range-response";
import { fetchRecordingMedia } from "@/lib/telephony/fetch-recording-media";
import { parseRecordingRef } from "@/lib/telephony/recording-sid";
import { SIMULATOR_ACCOUNT_SID } from "@/lib/telephony/simulator/simulator-sids";

// Private: the audio is a customer's voice. Recordings never change, so the browser may keep it while seeking.
const mediaHeaders = { "cache-control": "private, max-age=600", "content-disposition": "inline" };

export async function streamVoicemail({
  businessId,
  callId,
  rangeHeader,
}: {
  businessId: string;
  callId: string;
  rangeHeader: string | null;
}): Promise<Response> {
  const call = await db.call.findFirst({
    where: { id: callId, businessId },
    select: { voicemailUrl: true, recordingSid: true },
  });
  const ref = call && parseRecordingRef({ recordingUrl: call.voicemailUrl, recordingSid: call.recordingSid });
  if (!ref) throw new AppError("not_found", "No voicemail for this call.");
  if (ref.accountSid === SIMULATOR_ACCOUNT_SID) {
    const body = await readSampleVoicemail();
    return rangeResponse({ body, contentType: "audio/mpeg", rangeHeader, headers: mediaHeaders });
  }
  const upstream = await fetchRecordingMedia({ ref, rangeHeader });
  return relayRangeResponse({ upstream, rangeHeader, fallbackContentType: "audio/mpeg", headers: mediaHeaders });
}
