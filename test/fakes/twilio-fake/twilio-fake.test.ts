// The Twilio fake keeps Twilio's rules for Messages.json create: the refusals (code, message, more_info, status),
// date_sent null until the message is sent, STOP/START per sender, and signed status callbacks it sends by itself;
// and the Media of a received MMS (bytes, metadata, basic auth, 404).
import twilio from "twilio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTwilioFake, type TwilioFake } from "@/test/fakes/twilio-fake";
import { waitFor } from "@/test/helpers/wait";

const accountSid = `AC${"c".repeat(32)}`;
const authToken = "fake-conformance-token-0123";
const callbackUrl = "https://app.example/api/twilio/message-status#ct=3000&rc=3&rp=ct,5xx";
const business = "+12125550123";
const customer = "+13125550177";
const received: { url: string; signature: string; params: Record<string, string> }[] = [];
let fake: TwilioFake;

beforeAll(async () => {
  fake = await startTwilioFake({
    accountSid,
    authToken,
    dispatchCallback: async (request) => {
      const params = Object.fromEntries(new URLSearchParams(await request.text()));
      received.push({ url: request.url, signature: request.headers.get("x-twilio-signature") ?? "", params });
      return new Response(null, { status: 204 });
    },
  });
});
afterAll(() => fake.close());

async function create(form: Record<string, string>) {
  const response = await fetch(`${fake.url}/2010-04-01/Accounts/${accountSid}/Messages.json`, {
    method: "POST",
    headers: {
      authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString("base64")}`,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams(form).toString(),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const refusal = (code: number, message: string | RegExp) => ({
  status: 400,
  body: {
    code,
    message: message instanceof RegExp ? expect.stringMatching(message) : message,
    more_info: `https://www.twilio.com/docs/errors/${code}`,
    status: 400,
  },
});

describe("Twilio fake: Messages.json create", () => {
  it("refuses what Twilio refuses, with Twilio's code, message, more_info and status", async () => {
    const ok = { To: customer, From: business, Body: "hi" };
    expect(await create({ From: business, Body: "hi" })).toEqual(refusal(21604, "A 'To' phone number is required."));
    expect(await create({ To: customer, Body: "hi" })).toEqual(refusal(21603, "A 'From' phone number is required."));
    expect(await create({ To: customer, From: business })).toEqual(refusal(21602, "Message body is required."));
    expect(await create({ ...ok, Body: "x".repeat(1601) })).toEqual(refusal(21617, /1600 character limit/));
    expect(await create({ ...ok, To: "+15550000000" })).toEqual(refusal(21211, /not a valid phone number/));
    const landline = "+13125550188";
    fake.setLineType(landline, "landline");
    expect(await create({ ...ok, To: landline })).toEqual(refusal(21614, /not a valid mobile number/));
    // A picture alone needs no Body; exactly 1,600 characters is allowed.
    expect((await create({ To: customer, From: business, MediaUrl: "https://app.example/a.jpg" })).status).toBe(201);
    expect((await create({ ...ok, Body: "x".repeat(1600) })).status).toBe(201);
  });

  it("the twilio SDK reads a refusal as a RestException with Twilio's fields", async () => {
    const client = twilio(accountSid, authToken);
    client.api.baseUrl = fake.url;
    const error = (await client.messages
      .create({ to: "+15550000000", from: business, body: "hi" })
      .catch((caught: unknown) => caught)) as { status: number; code: number; moreInfo: string };
    expect(error).toMatchObject({ status: 400, code: 21211, moreInfo: "https://www.twilio.com/docs/errors/21211" });
  });

  it("after the customer texts STOP to a number, that number gets 21610 for them until START; others still send", async () => {
    const other = "+14155550142";
    await fake.receiveText({ from: customer, to: business, body: " stop ", url: "https://app.example/api/twilio/sms" });
    expect(await create({ To: customer, From: business, Body: "hello?" })).toEqual(
      refusal(21610, "Attempt to send to unsubscribed recipient"),
    );
    expect((await create({ To: customer, From: other, Body: "from another number" })).status).toBe(201);
    await fake.receiveText({ from: customer, to: business, body: "START", url: "https://app.example/api/twilio/sms" });
    expect((await create({ To: customer, From: business, Body: "welcome back" })).status).toBe(201);
  });

  it("date_sent is null while queued and set once sent; the StatusCallback hears sent, delivered, signed", async () => {
    const to = "+16175550133";
    const { status, body } = await create({ To: to, From: business, Body: "on our way", StatusCallback: callbackUrl });
    expect(status).toBe(201);
    expect(body).toMatchObject({ status: "queued", date_sent: null, error_code: null });
    const sid = body.sid as string;
    const callbacks = await waitFor(() => {
      const mine = received.filter((callback) => callback.params.MessageSid === sid);
      return mine.length === 2 ? mine : null;
    });
    // no callback for the initial `queued`, as Twilio documents it
    expect(callbacks.map((callback) => callback.params.MessageStatus)).toEqual(["sent", "delivered"]);
    for (const callback of callbacks) {
      expect(callback.params).toMatchObject({ AccountSid: accountSid, To: to, From: business, SmsSid: sid });
      // Twilio signs the URL it requests (the connection overrides fragment is not sent)
      expect(twilio.validateRequest(authToken, callback.signature, callbackUrl.split("#")[0]!, callback.params)).toBe(
        true,
      );
    }
    expect(fake.messages.find((message) => message.sid === sid)).toMatchObject({ status: "delivered" });
    expect(fake.messages.find((message) => message.sid === sid)!.dateSent).toBeInstanceOf(Date);
  });

  it("a scripted outcome: undelivered with its ErrorCode after sent; failed never sent; held stays queued, unheard", async () => {
    const undelivered = "+17025550111";
    const failed = "+12065550122";
    const held = "+13035550133";
    fake.setDeliveryOutcome(undelivered, { status: "undelivered", errorCode: 30003 });
    fake.setDeliveryOutcome(failed, { status: "failed", errorCode: 30007 });
    fake.setDeliveryOutcome(held, { status: "queued" });
    const sids: Record<string, string> = {};
    for (const to of [undelivered, failed, held]) {
      sids[to] = (await create({ To: to, From: business, Body: "hi", StatusCallback: callbackUrl })).body.sid as string;
    }
    const statuses = (sid: string) =>
      received.filter((callback) => callback.params.MessageSid === sid).map((callback) => callback.params);
    await waitFor(() => statuses(sids[undelivered]!).length === 2 && statuses(sids[failed]!).length === 1);
    expect(statuses(sids[undelivered]!).at(-1)).toMatchObject({ MessageStatus: "undelivered", ErrorCode: "30003" });
    expect(statuses(sids[failed]!).map((params) => params.MessageStatus)).toEqual(["failed"]);
    expect(statuses(sids[failed]!).at(-1)).toMatchObject({ ErrorCode: "30007" });
    expect(fake.messages.find((message) => message.sid === sids[failed])!.dateSent).toBeNull();
    expect(statuses(sids[held]!)).toEqual([]);
    expect(fake.messages.find((message) => message.sid === sids[held])).toMatchObject({
      status: "queued",
      dateSent: null,
    });
  });
});

describe("Twilio fake: a message's Media", () => {
  const auth = { authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString("base64")}` };

  it("receiveText with media posts NumMedia, MediaUrlN and MediaContentTypeN; each URL serves its bytes", async () => {
    const photo = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    await fake.receiveText({
      from: customer,
      to: business,
      body: "",
      url: "https://app.example/api/twilio/sms",
      media: [
        { contentType: "image/jpeg", body: photo },
        { contentType: "text/vcard", body: Buffer.from("VERSION:3.0\r\nFN:Pat Customer\r\n") },
      ],
    });
    const { params } = received.at(-1)!;
    expect(params).toMatchObject({ NumMedia: "2", MediaContentType0: "image/jpeg", MediaContentType1: "text/vcard" });
    const path = new RegExp(
      `^${fake.url}/2010-04-01/Accounts/${accountSid}/Messages/${params.MessageSid}/Media/ME[0-9a-f]{32}$`,
    );
    expect(params.MediaUrl0).toMatch(path);

    const media = await fetch(params.MediaUrl0!, { headers: auth });
    expect(media.status).toBe(200);
    expect(media.headers.get("content-type")).toBe("image/jpeg");
    expect(Buffer.from(await media.arrayBuffer()).equals(photo)).toBe(true);

    const metadata = await fetch(`${params.MediaUrl1}.json`, { headers: auth });
    const mediaSid = params.MediaUrl1!.split("/").at(-1);
    expect(await metadata.json()).toEqual({
      account_sid: accountSid,
      content_type: "text/vcard",
      date_created: expect.stringMatching(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0000$/),
      date_updated: expect.stringMatching(/\+0000$/),
      parent_sid: params.MessageSid,
      sid: mediaSid,
      uri: `/2010-04-01/Accounts/${accountSid}/Messages/${params.MessageSid}/Media/${mediaSid}.json`,
    });
  });

  it("wants basic auth (401) and answers 404 (20404) for an unknown item", async () => {
    const item = fake.media.add({
      messageSid: `MM${"1".repeat(32)}`,
      contentType: "image/png",
      body: Buffer.from("x"),
    });
    expect((await fetch(item.url)).status).toBe(401);
    const unknown = await fetch(item.url.replace(item.sid, `ME${"0".repeat(32)}`), { headers: auth });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: 20404, status: 404 });
  });
});
