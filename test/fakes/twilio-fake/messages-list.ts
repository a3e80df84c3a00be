// Messages.json read, as Twilio's REST API serves it (2010-04-01):
//   GET /Accounts/{AccountSid}/Messages.json   the account's messages, sent and received, newest first (by the
//       time sent; one not sent yet is the newest); filters To, From, DateSent / DateSent> / DateSent< (a UTC day
//       YYYY-MM-DD or an ISO 8601 instant); paging as paging.ts describes.
// `date_sent` is null while a message is queued or sending, so a DateSent filter never finds it: a reader looking
// for a message it may have created must not filter on it.
import { matchesDateFilters, readDateFilters } from "./dates";
import { sendTwilioError } from "./errors";
import type { FakeMedia, FakeMediaItem } from "./media";
import { messageToJson } from "./messages";
import { servePage } from "./paging";
import type { Route } from "./server";
import { sendJson } from "./server";
import { accountPath, newSid, type FakeMessage, type FakeState } from "./state";

/** What tests control: texts customers sent to the account's numbers. */
export type FakeInboundMessages = {
  list: FakeMessage[];
  /**
   * A customer's text as Twilio keeps it (received); nothing is delivered. `media` makes it an MMS: each item is
   * stored as the message's Media (in that order), counted in its num_media and listed by its Media.json.
   */
  receive(message: {
    from: string;
    to: string;
    body: string;
    dateSent?: Date;
    media?: { contentType: string; body: Buffer }[];
  }): FakeMessage & { media: FakeMediaItem[] };
};

/** When a message was sent or received: null while queued or sending (unset = created and sent at once). */
export const dateSentOf = (message: FakeMessage): Date | null =>
  message.dateSent === undefined ? message.dateCreated : message.dateSent;

const MESSAGE_FILTERS = ["To", "From", "DateSent", "DateSent>", "DateSent<"];

export function messageListResource(
  state: FakeState,
  media: FakeMedia,
): { routes: Route[]; controls: FakeInboundMessages } {
  const controls: FakeInboundMessages = {
    list: state.inboundMessages,
    receive({ from, to, body, dateSent = new Date(), media: items = [] }) {
      const message: FakeMessage = {
        sid: newSid("SM"),
        accountSid: state.accountSid,
        to,
        from,
        body,
        status: "received",
        dateCreated: dateSent,
        dateSent,
        direction: "inbound",
      };
      state.inboundMessages.push(message);
      const stored = items.map((item) => media.add({ messageSid: message.sid, ...item, dateCreated: dateSent }));
      return { ...message, media: stored };
    },
  };
  const listPath = `${accountPath(state)}/Messages.json`;
  const list: Route = {
    method: "GET",
    pattern: new RegExp(`^${listPath.replaceAll(".", "\\.")}$`),
    handle({ response, url }) {
      const query = url.searchParams;
      const sent = readDateFilters(query, "DateSent");
      if (sent.invalid) {
        return sendTwilioError(response, { status: 400, code: 20001, message: `Invalid value for ${sent.invalid}` });
      }
      const to = query.get("To");
      const from = query.get("From");
      const newest = (message: FakeMessage) => (dateSentOf(message) ?? new Date(8.64e15)).getTime();
      const matching = [...state.messages, ...state.inboundMessages]
        .map((message, index) => ({ message, index }))
        .filter(
          ({ message }) =>
            (to === null || message.to === to) &&
            (from === null || message.from === from) &&
            matchesDateFilters(dateSentOf(message), sent.filters),
        )
        .sort(
          (a, b) =>
            newest(b.message) - newest(a.message) ||
            b.message.dateCreated.getTime() - a.message.dateCreated.getTime() ||
            b.index - a.index,
        )
        .map(({ message }) => message);
      return sendJson(
        response,
        200,
        servePage({
          query,
          listPath,
          key: "messages",
          items: matching,
          filterKeys: MESSAGE_FILTERS,
          toJson: (message) => messageToJson(state, message),
        }),
      );
    },
  };
  return { routes: [list], controls };
}
