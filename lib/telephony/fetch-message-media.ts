// One media item of an inbound MMS from Twilio's REST API (…/Messages/{MM…}/Media/{ME…}), with the account's
// credentials: with "Enforce HTTP Auth on Media URLs" a browser cannot fetch it itself. The URL is built from the
// configured API base and the ids, never taken from stored data. Twilio answers with a redirect to a short-lived
// storage URL; only a redirect to the API host itself or to Twilio's media storage is followed, and the credentials
// go to the API host only. The body is cut off past MAX_MEDIA_BYTES. Only status codes and host names reach the log.
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/log";
import { mediaCredentials } from "@/lib/telephony/media-credentials";
import type { MessageMediaRef } from "@/lib/telephony/message-media-ref";

const TIMEOUT_MS = 20_000;
const MAX_REDIRECTS = 3;
/** Twilio accepts at most 5 MB of media per message; twice that leaves room for any one item. */
export const MAX_MEDIA_BYTES = 10 * 1024 * 1024;

/** Where Twilio's redirect may lead: its authenticated media storage, or the older public bucket. */
function isTwilioMediaStorage(url: URL): boolean {
  if (url.protocol !== "https:" || url.username || url.password) return false;
  if (url.hostname === "mms.twiliocdn.com") return true;
  return url.hostname === "s3-external-1.amazonaws.com" && url.pathname.startsWith("/media.twiliocdn.com/");
}

export type MessageMedia = {
  body: ReadableStream<Uint8Array>;
  contentType: string | null;
  contentLength: number | null;
};

export async function fetchMessageMedia(ref: MessageMediaRef): Promise<MessageMedia> {
  const { accountSid, apiBaseUrl, authorization } = mediaCredentials(ref.accountSid, "attachment");
  const apiOrigin = new URL(apiBaseUrl).origin;
  const signal = AbortSignal.timeout(TIMEOUT_MS);
  let url = new URL(`${apiBaseUrl}/2010-04-01/Accounts/${accountSid}/Messages/${ref.messageSid}/Media/${ref.mediaSid}`);
  for (let hop = 0; ; hop++) {
    const isApiHost = url.origin === apiOrigin;
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { accept: "*/*", ...(isApiHost ? { authorization } : {}) },
        redirect: "manual",
        signal,
      });
    } catch (error) {
      logger.warn({ errName: (error as Error)?.name, host: url.host }, "message media fetch failed");
      throw new AppError("service_unavailable", "Twilio could not be reached for this attachment. Try again shortly.");
    }
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel();
      const next = redirectTarget(response, url);
      if (!next || hop >= MAX_REDIRECTS || (next.origin !== apiOrigin && !isTwilioMediaStorage(next))) {
        // The host only: a storage URL's query is a signature.
        logger.warn({ status: response.status, host: next?.host ?? null }, "refused a message media redirect");
        throw new AppError("service_unavailable", "Twilio handed out this attachment from an unexpected place.");
      }
      url = next;
      continue;
    }
    if (response.ok && response.body) return capped(response);
    await response.body?.cancel();
    if (response.status === 404) throw new AppError("not_found", "Twilio no longer has this attachment.");
    logger.warn({ status: response.status, host: url.host }, "Twilio refused a message media fetch");
    throw new AppError("service_unavailable", "Twilio did not hand out this attachment. Try again shortly.");
  }
}

function redirectTarget(response: Response, from: URL): URL | null {
  const location = response.headers.get("location");
  if (!location) return null;
  try {
    return new URL(location, from);
  } catch {
    return null;
  }
}

function capped(response: Response): MessageMedia {
  const declared = response.headers.get("content-length");
  const contentLength = declared && /^\d+$/.test(declared) ? Number(declared) : null;
  if (contentLength !== null && contentLength > MAX_MEDIA_BYTES) {
    void response.body?.cancel();
    throw new AppError("payload_too_large", "This attachment is too large to show here.");
  }
  let seen = 0;
  // A body that runs past the cap (a missing or false Content-Length) errors the stream instead of filling memory.
  const limit = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      seen += chunk.byteLength;
      if (seen > MAX_MEDIA_BYTES) controller.error(new Error("message media over the size cap"));
      else controller.enqueue(chunk);
    },
  });
  return { body: response.body!.pipeThrough(limit), contentType: response.headers.get("content-type"), contentLength };
}
