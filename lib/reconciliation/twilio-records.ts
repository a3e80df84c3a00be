// Twilio's own records, read through the twilio SDK's list pages (Calls.json, Messages.json; each next page from
// Twilio's next_page_uri): the calls that reached a number since a time, the legs Twilio dialled for one of them,
// and the texts customers sent. Requests go through the one Twilio client (lib/telephony/twilio-client.ts), with
// its hard timeout; an error is thrown as the SDK gives it, and reaches logs only through the error serializer.
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

export type TwilioInboundMessage = { sid: string; from: string; to: string; body: string; dateSent: Date | null };

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
