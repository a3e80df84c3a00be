// A recording's audio from Twilio's REST API (…/Recordings/{Sid}.mp3), with the account's credentials: Twilio
// recommends "Enforce HTTP Auth on Media URLs", and then a browser cannot fetch it itself. The URL is built from the
// configured API base and the two ids, never taken from stored data. Only status codes reach the log.
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/log";
import { mediaCredentials } from "@/lib/telephony/media-credentials";
import type { RecordingRef } from "@/lib/telephony/recording-sid";

const TIMEOUT_MS = 15_000;

export async function fetchRecordingMedia({
  ref,
  rangeHeader,
}: {
  ref: RecordingRef;
  rangeHeader: string | null;
}): Promise<Response> {
  const { accountSid, apiBaseUrl, authorization } = mediaCredentials(ref.accountSid, "recording");
  const url = `${apiBaseUrl}/2010-04-01/Accounts/${accountSid}/Recordings/${ref.recordingSid}.mp3`;
  let response: Response;
  try {
    response = await fetch(url, {
      headers: {
        authorization,
        accept: "audio/mpeg",
        ...(rangeHeader ? { range: rangeHeader } : {}),
      },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    logger.warn({ errName: (error as Error)?.name }, "recording fetch failed");
    throw new AppError("service_unavailable", "Twilio could not be reached for this recording. Try again shortly.");
  }
  if (response.ok || response.status === 416) return response;
  await response.body?.cancel();
  if (response.status === 404) throw new AppError("not_found", "Twilio no longer has this recording.");
  logger.warn({ status: response.status }, "Twilio refused a recording fetch");
  throw new AppError("service_unavailable", "Twilio did not hand out this recording. Try again shortly.");
}
