// The Media subresource of a Message, as Twilio's REST API serves it:
//   GET /2010-04-01/Accounts/{AccountSid}/Messages/{MessageSid}/Media.json       → the message's media, a list page:
//       `media_list` of the items' metadata, newest first (by date_created, which Twilio writes to the second; items
//       created in the same second, as a received MMS's are, in the order the message carried them); filters
//       DateCreated / DateCreated> / DateCreated< (a UTC day or an ISO 8601 instant); paging as paging.ts describes
//       (PageSize, Page, PageToken, next_page_uri). A message with no media is an empty list.
//   GET …/Media/{Sid}.json                                                      → one item's metadata
//   GET …/Media/{Sid}                                                           → the media, with its content type
// Real Twilio answers the last with a 307 to a short-lived storage URL (mms.twiliocdn.com with "Enforce HTTP Auth
// on Media URLs" on); the fake serves the bytes itself with 200, unless a test sets `redirectTo` on the item, then
// it answers 307 to that Location instead. Authentication is the fake's basic-auth guard (401 without it); an
// unknown message or media sid is Twilio's 404 (20404) for one item.
import { sendTwilioError, type TwilioError } from "./errors";
import { matchesDateFilters, readDateFilters, rfc2822 } from "./dates";
import { servePage } from "./paging";
import type { Route } from "./server";
import { sendJson } from "./server";
import { accountPath, newSid, type FakeState } from "./state";

export type FakeMediaItem = {
  sid: string;
  messageSid: string;
  contentType: string;
  body: Buffer;
  dateCreated: Date;
  /** answer the media request with a 307 to this Location instead of the bytes */
  redirectTo?: string;
  /** the URL Twilio hands a webhook as MediaUrlN (on the fake's own host) */
  url: string;
};

export type FakeMedia = {
  list: FakeMediaItem[];
  /** media requests received (paths: lists, metadata and media alike) */
  requests: string[];
  /** stores a media item of a message (created now, unless `dateCreated` says when Twilio received it) */
  add(item: {
    messageSid: string;
    contentType: string;
    body: Buffer;
    redirectTo?: string;
    dateCreated?: Date;
  }): FakeMediaItem;
  /** the next `times` Media.json list requests answer with this error (Twilio's error body) */
  failNextLists(times: number, failure: TwilioError): void;
};

const MEDIA_FILTERS = ["DateCreated", "DateCreated>", "DateCreated<"];

export function mediaResource(state: FakeState, baseUrl: () => string): { routes: Route[]; controls: FakeMedia } {
  const listFailures: TwilioError[] = [];
  const controls: FakeMedia = {
    list: state.media,
    requests: [],
    add({ messageSid, contentType, body, redirectTo, dateCreated = new Date() }) {
      const sid = newSid("ME");
      const item: FakeMediaItem = {
        sid,
        messageSid,
        contentType,
        body,
        redirectTo,
        dateCreated,
        url: `${baseUrl()}${accountPath(state)}/Messages/${messageSid}/Media/${sid}`,
      };
      controls.list.push(item);
      return item;
    },
    failNextLists(times, failure) {
      for (let index = 0; index < times; index += 1) listFailures.push(failure);
    },
  };
  const toJson = (item: FakeMediaItem) => ({
    account_sid: state.accountSid,
    content_type: item.contentType,
    date_created: rfc2822(item.dateCreated),
    date_updated: rfc2822(item.dateCreated),
    parent_sid: item.messageSid,
    sid: item.sid,
    uri: `${accountPath(state)}/Messages/${item.messageSid}/Media/${item.sid}.json`,
  });
  /** date_created as Twilio writes it: to the second */
  const createdSecond = (item: FakeMediaItem) => Math.floor(item.dateCreated.getTime() / 1000);
  const listPattern = new RegExp(`^${accountPath(state)}/Messages/((?:MM|SM)[0-9a-fA-F]{32})/Media\\.json$`);
  const pattern = new RegExp(
    `^${accountPath(state)}/Messages/((?:MM|SM)[0-9a-fA-F]{32})/Media/(ME[0-9a-fA-F]{32})(\\.json)?$`,
  );
  const routes: Route[] = [
    {
      method: "GET",
      pattern: listPattern,
      handle({ response, url, params }) {
        const [messageSid] = params;
        controls.requests.push(url.pathname);
        const failure = listFailures.shift();
        if (failure) return sendTwilioError(response, failure);
        const query = url.searchParams;
        const created = readDateFilters(query, "DateCreated");
        if (created.invalid) {
          return sendTwilioError(response, {
            status: 400,
            code: 20001,
            message: `Invalid value for ${created.invalid}`,
          });
        }
        const items = state.media
          .map((item, index) => ({ item, index }))
          .filter(({ item }) => item.messageSid === messageSid && matchesDateFilters(item.dateCreated, created.filters))
          .sort((a, b) => createdSecond(b.item) - createdSecond(a.item) || a.index - b.index)
          .map(({ item }) => item);
        const listPath = `${accountPath(state)}/Messages/${messageSid}/Media.json`;
        return sendJson(
          response,
          200,
          servePage({ query, listPath, key: "media_list", items, filterKeys: MEDIA_FILTERS, toJson }),
        );
      },
    },
    {
      method: "GET",
      pattern,
      handle({ response, url, params }) {
        const [messageSid, sid, extension] = params;
        controls.requests.push(url.pathname);
        const item = controls.list.find((candidate) => candidate.sid === sid && candidate.messageSid === messageSid);
        if (!item) {
          return sendTwilioError(response, {
            status: 404,
            code: 20404,
            message: `The requested resource ${url.pathname} was not found`,
          });
        }
        if (extension === ".json") return sendJson(response, 200, toJson(item));
        if (item.redirectTo) {
          response.writeHead(307, { location: item.redirectTo, "content-length": "0" });
          response.end();
          return;
        }
        response.writeHead(200, { "content-type": item.contentType, "content-length": String(item.body.length) });
        response.end(item.body);
      },
    },
  ];
  return { routes, controls };
}
