// Which Twilio media item a stored MediaUrl is: the three ids of
// {TWILIO_API_BASE_URL}/2010-04-01/Accounts/AC…/Messages/MM…/Media/ME…, and only when the URL is exactly that, on the
// configured API host, for our own account and the message it was stored with. Anything else a row holds (another
// host, another account, a query, credentials in the URL) names nothing: it is refused, never requested. The fetch
// is built from these ids, so the stored string itself is never fetched.
import { env } from "@/lib/env";

const MEDIA_PATH =
  /^\/2010-04-01\/Accounts\/(AC[0-9a-fA-F]{32})\/Messages\/((?:MM|SM)[0-9a-fA-F]{32})\/Media\/(ME[0-9a-fA-F]{32})$/;

export type MessageMediaRef = { accountSid: string; messageSid: string; mediaSid: string };

export function parseMessageMediaRef({
  mediaUrl,
  messageSid,
}: {
  mediaUrl: string | undefined;
  /** the message the URL was stored with: its media only */
  messageSid: string | null;
}): MessageMediaRef | null {
  const { accountSid, apiBaseUrl } = env().twilio;
  if (!mediaUrl || !accountSid || !messageSid) return null;
  let url: URL;
  try {
    url = new URL(mediaUrl);
  } catch {
    return null;
  }
  if (url.origin !== new URL(apiBaseUrl).origin || url.username || url.password || url.search || url.hash) return null;
  const match = MEDIA_PATH.exec(url.pathname);
  if (!match || match[1] !== accountSid || match[2] !== messageSid) return null;
  return { accountSid, messageSid, mediaSid: match[3]! };
}

/** The URL of a media item on the configured API host, as Twilio names it in the webhook's MediaUrlN. */
export function messageMediaUrl(ref: MessageMediaRef): string {
  return `${env().twilio.apiBaseUrl}/2010-04-01/Accounts/${ref.accountSid}/Messages/${ref.messageSid}/Media/${ref.mediaSid}`;
}
