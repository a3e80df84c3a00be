// Twilio's own records, read through the twilio SDK's list pages (Calls.json, Messages.json, a message's Media.json;
// each next page from Twilio's next_page_uri): the calls that reached a number since a time, the legs Twilio dialled
// for one of them, the texts customers sent, and the media items of one of those texts. Requests go through the one Twilio client (lib/telephony/twilio-client.ts), with
// its hard timeout; an error is thrown as the SDK gives it, and reaches logs only through the error serializer.
import { messageMediaUrl } from "@/lib/telephony/message-media-ref";
import { getTwilioClient } from "@/lib/telephony/twilio-client";

export const PAGE_SIZE = 200;
/** Pages read per list and run: a backlog larger than this is finished by the next runs (checkpoints hold). */
export const MAX_PAGES = 25;

export type TwilioCall = {
  sid: string;
  parentCallSid: string | null;
  direction: string;
  from: string;
  to: string;
  status: string;
  startTime: Date | null;
  endTime: Date | null;
  /** seconds, once ended */
  duration: number | null;
};

export type TwilioInboundMessage = {
  sid: string;
  from: string;
  to: string;
  body: string;
  dateSent: Date | null;
  /** Twilio's num_media: above 0, an MMS whose items are listed by listMessageMedia */
  numMedia: number;
};

/** The twilio SDK's page: `nextPage()` sends its request at once, so the cap is checked before asking for it. */
type Page<T> = { instances: T[]; nextPageUrl?: string; nextPage(): Promise<Page<T>> | undefined };

/** Every record of a list, page by page, up to MAX_PAGES; `isComplete` is false when the cap cut it short. */
async function readPages<T, R>(
  first: Promise<Page<T>>,
  map: (item: T) => R,
): Promise<{ items: R[]; isComplete: boolean }> {
  const items: R[] = [];
  let page: Page<T> | undefined = await first;
  for (let read = 1; page; read++) {
    items.push(...page.instances.map(map));
    if (!page.nextPageUrl) return { items, isComplete: true };
    if (read >= MAX_PAGES) return { items, isComplete: false };
    page = await page.nextPage();
  }
  return { items, isComplete: true };
}

const validDate = (value: Date | null | undefined): Date | null =>
  value instanceof Date && !Number.isNaN(value.getTime()) ? value : null;

function toCall(call: {
  sid: string;
  parentCallSid: string | null;
  direction: string;
  from: string;
  to: string;
  status: string;
  startTime: Date | null;
  endTime: Date | null;
  duration: string | null;
}): TwilioCall {
  const duration = call.duration === null || call.duration === undefined ? null : Number(call.duration);
  return {
    sid: call.sid,
    parentCallSid: call.parentCallSid ?? null,
    direction: call.direction,
    from: call.from ?? "",
    to: call.to ?? "",
    status: call.status,
    startTime: validDate(call.startTime),
    endTime: validDate(call.endTime),
    duration: Number.isFinite(duration) ? duration : null,
  };
}

/** Calls to `to` that started on or after `since`, newest first. */
export function listCallsTo({ to, since }: { to: string; since: Date }) {
  const client = getTwilioClient();
  return readPages(client.calls.page({ to, startTimeAfter: since, pageSize: PAGE_SIZE }), toCall);
}

/** The legs Twilio dialled for a call (its <Dial>): whether the professional's phone rang, and how it ended. */
export async function listDialLegs(parentCallSid: string): Promise<TwilioCall[]> {
  const client = getTwilioClient();
  const { items } = await readPages(client.calls.page({ parentCallSid, pageSize: 50 }), toCall);
  return items;
}

/** Texts sent to `to` on or after `since` (inbound only), newest first. */
export async function listInboundMessagesTo({ to, since }: { to: string; since: Date }) {
  const client = getTwilioClient();
  const { items, isComplete } = await readPages(
    client.messages.page({ to, dateSentAfter: since, pageSize: PAGE_SIZE }),
    (message) => ({
      sid: message.sid,
      from: message.from ?? "",
      to: message.to ?? "",
      body: message.body ?? "",
      dateSent: validDate(message.dateSent),
      numMedia: Math.max(Number(message.numMedia) || 0, 0),
      direction: message.direction,
    }),
  );
  return {
    items: items
      .filter((message) => message.direction === "inbound")
      .map(({ direction: _direction, ...message }) => message satisfies TwilioInboundMessage),
    isComplete,
  };
}

/** Twilio keeps at most 10 media items on a message (the webhook's NumMedia is 0…10). */
const MAX_MEDIA = 10;
const MEDIA_SID = /^ME[0-9a-fA-F]{32}$/;

/**
 * A received MMS's media as the webhook hands them over (MediaUrlN, MediaContentTypeN): each item's URL on the
 * configured API host ({base}/2010-04-01/Accounts/{AC}/Messages/{MM}/Media/{ME}, built from the ids, never taken
 * from Twilio's answer) with its content type. Twilio lists a message's media newest first by date_created, which
 * has no finer grain than the second, and the items of one MMS are created together: older seconds go first, and
 * within a second the list's own order is kept (Twilio documents no other; the local fake lists them in the order
 * the message carried them, as the webhook's MediaUrlN are).
 */
export async function listMessageMedia(
  messageSid: string,
): Promise<{ mediaUrls: string[]; mediaContentTypes: string[] }> {
  const client = getTwilioClient();
  const { accountSid } = client; // the configured account (getTwilioClient refuses to run without one)
  const { items } = await readPages(client.messages(messageSid).media.page({ pageSize: 50 }), (item) => ({
    sid: item.sid,
    parentSid: item.parentSid,
    contentType: item.contentType ?? "",
    created: validDate(item.dateCreated)?.getTime() ?? 0,
  }));
  const media = items
    .filter((item) => MEDIA_SID.test(item.sid) && (!item.parentSid || item.parentSid === messageSid))
    .sort((a, b) => a.created - b.created) // stable: same-second items keep the list's order
    .slice(0, MAX_MEDIA);
  return {
    mediaUrls: media.map((item) => messageMediaUrl({ accountSid, messageSid, mediaSid: item.sid })),
    // Unknown or malformed: treated as a file to download, never as an image (as the webhook's).
    mediaContentTypes: media.map((item) => item.contentType.slice(0, 255)),
  };
}
