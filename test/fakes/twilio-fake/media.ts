// The Media subresource of a Message, as Twilio's REST API serves it:
//   GET /2010-04-01/Accounts/{AccountSid}/Messages/{MessageSid}/Media/{Sid}.json  → the metadata
//   GET …/Media/{Sid}                                                            → the media, with its content type
// Real Twilio answers the second with a 307 to a short-lived storage URL (mms.twiliocdn.com with "Enforce HTTP Auth
// on Media URLs" on); the fake serves the bytes itself with 200, unless a test sets `redirectTo` on the item, then
// it answers 307 to that Location instead. Authentication is the fake's basic-auth guard (401 without it); an
// unknown message or media sid is Twilio's 404 (20404).
import { sendTwilioError } from "./errors";
import { rfc2822 } from "./dates";
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
  /** media requests received (paths, metadata and media alike) */
  requests: string[];
  add(item: { messageSid: string; contentType: string; body: Buffer; redirectTo?: string }): FakeMediaItem;
};

export function mediaResource(state: FakeState, baseUrl: () => string): { routes: Route[]; controls: FakeMedia } {
  const controls: FakeMedia = {
    list: [],
    requests: [],
    add({ messageSid, contentType, body, redirectTo }) {
      const sid = newSid("ME");
      const item: FakeMediaItem = {
        sid,
        messageSid,
        contentType,
        body,
        redirectTo,
        dateCreated: new Date(),
        url: `${baseUrl()}${accountPath(state)}/Messages/${messageSid}/Media/${sid}`,
      };
      controls.list.push(item);
      return item;
    },
  };
  const pattern = new RegExp(
    `^${accountPath(state)}/Messages/((?:MM|SM)[0-9a-fA-F]{32})/Media/(ME[0-9a-fA-F]{32})(\\.json)?$`,
  );
  const routes: Route[] = [
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
        const path = `${accountPath(state)}/Messages/${item.messageSid}/Media/${item.sid}`;
        if (extension === ".json") {
          return sendJson(response, 200, {
            account_sid: state.accountSid,
            content_type: item.contentType,
            date_created: rfc2822(item.dateCreated),
            date_updated: rfc2822(item.dateCreated),
            parent_sid: item.messageSid,
            sid: item.sid,
            uri: `${path}.json`,
          });
        }
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
