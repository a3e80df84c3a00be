// The fake's Calls.json, Messages.json and a message's Media.json lists, read through the twilio SDK itself: its paging follows
// next_page_uri, its date filters are what the fake must understand, and the fields come back parsed.
import twilio from "twilio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTwilioFake, type TwilioFake } from "@/test/fakes/twilio-fake";
import { rfc2822 } from "@/test/fakes/twilio-fake/dates";

const accountSid = `AC${"c".repeat(32)}`;
const authToken = "fake-list-token-0123456789";
let fake: TwilioFake;
let client: ReturnType<typeof twilio>;

const ours = "+15550001111";
const other = "+15550002222";
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

beforeAll(async () => {
  fake = await startTwilioFake({ accountSid, authToken });
  client = twilio(accountSid, authToken);
  client.api.baseUrl = fake.url;
  // 120 calls to our number, one a minute, the newest 1 minute ago; each third one rang the professional's phone.
  for (let index = 120; index >= 1; index--) {
    fake.callLog.receive({
      from: `+1555100${String(index).padStart(4, "0")}`,
      to: ours,
      status: index % 5 === 0 ? "no-answer" : "completed",
      startTime: minutesAgo(index),
      durationSec: 30,
      dial: index % 3 === 0 ? { to: "+15550009999", status: "no-answer" } : undefined,
    });
  }
  fake.callLog.receive({ from: "+15551000001", to: other, startTime: minutesAgo(2) });
  fake.callLog.receive({ from: "+15551000002", to: ours, status: "in-progress", startTime: minutesAgo(0.5) });
});

afterAll(async () => {
  await fake.close();
});

async function getJson(path: string) {
  const response = await fetch(`${fake.url}${path}`, {
    headers: { authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString("base64")}` },
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("Calls.json list", () => {
  it("pages through every call newest first, 50 a page by default, following next_page_uri", async () => {
    const firstPage = await client.calls.page({ to: ours });
    expect(firstPage.instances).toHaveLength(50);
    const all = await client.calls.list({ to: ours, pageSize: 40 });
    // 120 callers' calls + the one still in progress; the dialled legs go to the professional's number
    expect(all).toHaveLength(121);
    const starts = all.map((call) => call.startTime.getTime());
    expect(starts).toEqual([...starts].sort((a, b) => b - a));
    expect(new Set(all.map((call) => call.sid)).size).toBe(121);
    expect(all[0]).toMatchObject({ status: "in-progress", direction: "inbound", endTime: null, duration: null });
    expect(all[1]).toMatchObject({ to: ours, direction: "inbound", parentCallSid: null, duration: "30" });
  });

  it("writes the envelope and the fields as Twilio does: RFC 2822 dates, paging URIs with the filters", async () => {
    const { status, body } = await getJson(
      `/2010-04-01/Accounts/${accountSid}/Calls.json?To=${encodeURIComponent(ours)}&PageSize=2`,
    );
    expect(status).toBe(200);
    const calls = body.calls as Record<string, unknown>[];
    expect(calls).toHaveLength(2);
    expect(calls[1]!.start_time).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0000$/);
    expect(body).toMatchObject({ page: 0, page_size: 2, start: 0, end: 1, previous_page_uri: null });
    const next = String(body.next_page_uri);
    expect(next).toMatch(new RegExp(`^/2010-04-01/Accounts/${accountSid}/Calls\\.json\\?`));
    const nextQuery = new URL(next, "http://x").searchParams;
    expect(nextQuery.get("To")).toBe(ours);
    expect(nextQuery.get("Page")).toBe("1");
    expect(nextQuery.get("PageToken")).toBe(`PA${calls[1]!.sid as string}`);
    const second = await getJson(next);
    expect(second.body).toMatchObject({ page: 1, start: 2, end: 3 });
    expect((second.body.calls as { sid: string }[])[0]!.sid).not.toBe(calls[1]!.sid);
    expect(String(second.body.previous_page_uri)).toContain(`PageToken=PB`);
  });

  it("a page token holds its place when a newer call arrives meanwhile", async () => {
    fake.callLog.receive({ from: "+15551000005", to: other, startTime: minutesAgo(4) });
    const first = await client.calls.page({ to: other, pageSize: 1 });
    expect(first.instances.map((call) => call.from)).toEqual(["+15551000001"]);
    fake.callLog.receive({ from: "+15551000003", to: other, startTime: new Date() });
    fake.callLog.receive({ from: "+15551000004", to: other, startTime: minutesAgo(3) });
    const second = await first.nextPage();
    expect(second?.instances.map((call) => call.from)).toEqual(["+15551000004"]);
  });

  it("filters on StartTime (on or after, on or before, the day), Status, From and ParentCallSid", async () => {
    const recent = await client.calls.list({ to: ours, startTimeAfter: minutesAgo(10.5) });
    expect(recent.map((call) => call.startTime.getTime() >= minutesAgo(10.5).getTime())).not.toContain(false);
    expect(recent).toHaveLength(11); // 10 finished calls and the one in progress
    const older = await client.calls.list({ to: ours, startTimeBefore: minutesAgo(100.5) });
    expect(older).toHaveLength(20);
    // `StartTime>=` on the wire is the same filter (the '=' belongs to the query string)
    const since = minutesAgo(5.5).toISOString();
    const raw = await getJson(
      `/2010-04-01/Accounts/${accountSid}/Calls.json?To=${encodeURIComponent(ours)}&StartTime>=${since}`,
    );
    expect(raw.body.calls).toHaveLength(6);
    // The (UTC) day of a call known to be there: the test's calls span minutes, and around midnight they span two days.
    const day = recent[0]!.startTime.toISOString().slice(0, 10);
    const onDay = await getJson(
      `/2010-04-01/Accounts/${accountSid}/Calls.json?To=${encodeURIComponent(ours)}&StartTime=${day}&PageSize=1000`,
    );
    const onDayCalls = onDay.body.calls as { start_time: string }[];
    expect(onDayCalls.length).toBeGreaterThan(0);
    for (const call of onDayCalls) expect(new Date(call.start_time).toISOString().slice(0, 10)).toBe(day);
    expect(await client.calls.list({ to: ours, status: "no-answer" })).toHaveLength(24);
    expect(await client.calls.list({ from: "+15551000050" })).toHaveLength(1);
    const parent = (await client.calls.list({ from: "+15551000003", to: ours }))[0]!;
    const legs = await client.calls.list({ parentCallSid: parent.sid });
    expect(legs).toHaveLength(1);
    expect(legs[0]).toMatchObject({ direction: "outbound-dial", status: "no-answer", to: "+15550009999" });
  });

  it("PageSize is at most 1000; a bad date is a 400 with Twilio's error body", async () => {
    const big = await getJson(`/2010-04-01/Accounts/${accountSid}/Calls.json?PageSize=5000`);
    expect(big.body.page_size).toBe(1000);
    const bad = await getJson(`/2010-04-01/Accounts/${accountSid}/Calls.json?StartTime%3E=yesterday`);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 20001, status: 400 });
  });

  it("fetches one call by sid; an unknown one is a 404", async () => {
    const [call] = await client.calls.list({ to: ours, limit: 1 });
    expect((await client.calls(call!.sid).fetch()).sid).toBe(call!.sid);
    await expect(client.calls(`CA${"0".repeat(32)}`).fetch()).rejects.toMatchObject({ status: 404, code: 20404 });
  });
});

describe("Messages.json list", () => {
  it("lists sent and received texts newest first, filtered by To, From and DateSent, across pages", async () => {
    const business = "+15550003333";
    const customer = "+15550004444";
    for (let index = 30; index >= 1; index--) {
      fake.inboundMessages.receive({
        from: customer,
        to: business,
        body: `text ${index}`,
        dateSent: minutesAgo(index),
      });
    }
    const all = await client.messages.list({ to: business, pageSize: 7 });
    expect(all.map((message) => message.body)).toEqual(Array.from({ length: 30 }, (_, index) => `text ${index + 1}`));
    expect(all[0]).toMatchObject({ direction: "inbound", status: "received", from: customer });
    const recent = await client.messages.list({ to: business, dateSentAfter: minutesAgo(5.5) });
    expect(recent).toHaveLength(5);
    const before = await client.messages.list({ to: business, dateSentBefore: minutesAgo(25.5) });
    expect(before).toHaveLength(5);
    expect(await client.messages.list({ from: business })).toHaveLength(0);
  });

  it("a message not sent yet has date_sent null: listed first, never found by a DateSent filter", async () => {
    // a number Twilio takes (21211 otherwise), whose messages it holds queued
    fake.setDeliveryOutcome("+13125550155", { status: "queued" });
    const sent = await client.messages.create({ to: "+13125550155", from: ours, body: "queued at Twilio" });
    const listed = await client.messages.list({ to: "+13125550155", from: ours });
    expect(listed[0]).toMatchObject({ sid: sent.sid, dateSent: null });
    const { body } = await getJson(
      `/2010-04-01/Accounts/${accountSid}/Messages.json?To=${encodeURIComponent("+13125550155")}`,
    );
    expect((body.messages as { date_sent: unknown; date_created: string }[])[0]).toMatchObject({
      date_sent: null,
      date_created: expect.stringMatching(/\+0000$/),
    });
    expect(await client.messages.list({ to: "+13125550155", dateSentAfter: minutesAgo(60) })).toHaveLength(0);
  });

  it("RFC 2822 as Twilio writes it", () => {
    expect(rfc2822(new Date("2026-11-30T08:09:03Z"))).toBe("Mon, 30 Nov 2026 08:09:03 +0000");
  });
});

describe("a message's Media.json list", () => {
  const business = "+15550005555";
  const png = Buffer.from("png bytes");
  const items = [
    { contentType: "image/png", body: png },
    { contentType: "image/jpeg", body: Buffer.from("jpeg bytes") },
    { contentType: "text/vcard", body: Buffer.from("VERSION:3.0\r\nFN:Pat Customer\r\n") },
  ];

  it("lists an MMS's items in the order it carried them, following next_page_uri; num_media counts them", async () => {
    const mms = fake.inboundMessages.receive({ from: "+15550006666", to: business, body: "", media: items });
    const [listed] = await client.messages.list({ to: business, limit: 1 });
    expect(listed).toMatchObject({ sid: mms.sid, numMedia: "3" });
    expect(listed!.subresourceUris.media).toBe(`/2010-04-01/Accounts/${accountSid}/Messages/${mms.sid}/Media.json`);
    const media = await client.messages(mms.sid).media.list({ pageSize: 2 });
    expect(media.map((item) => item.sid)).toEqual(mms.media.map((item) => item.sid));
    expect(media.map((item) => item.contentType)).toEqual(["image/png", "image/jpeg", "text/vcard"]);
    expect(media[0]).toMatchObject({ accountSid, parentSid: mms.sid, dateCreated: expect.any(Date) });
    const plain = fake.inboundMessages.receive({ from: "+15550006666", to: business, body: "no picture" });
    expect(await client.messages(plain.sid).media.list()).toEqual([]);
    const [plainListed] = await client.messages.list({ to: business, limit: 1 });
    expect(plainListed).toMatchObject({ sid: plain.sid, numMedia: "0" });
  });

  it("writes the envelope and the fields as Twilio does, pages with PageSize, Page and PageToken", async () => {
    const mms = fake.inboundMessages.receive({ from: "+15550007777", to: business, body: "", media: items });
    const listPath = `/2010-04-01/Accounts/${accountSid}/Messages/${mms.sid}/Media.json`;
    const { status, body } = await getJson(`${listPath}?PageSize=2`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ page: 0, page_size: 2, start: 0, end: 1, previous_page_uri: null });
    const first = body.media_list as Record<string, unknown>[];
    expect(first[0]).toEqual({
      account_sid: accountSid,
      content_type: "image/png",
      date_created: expect.stringMatching(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0000$/),
      date_updated: expect.stringMatching(/\+0000$/),
      parent_sid: mms.sid,
      sid: mms.media[0]!.sid,
      uri: `${listPath.replace(/\.json$/, "")}/${mms.media[0]!.sid}.json`,
    });
    const next = String(body.next_page_uri);
    expect(next.startsWith(`${listPath}?`)).toBe(true);
    const nextQuery = new URL(next, "http://x").searchParams;
    expect([nextQuery.get("PageSize"), nextQuery.get("Page"), nextQuery.get("PageToken")]).toEqual([
      "2",
      "1",
      `PA${mms.media[1]!.sid}`,
    ]);
    const second = await getJson(next);
    expect(second.body).toMatchObject({ page: 1, start: 2, end: 2, next_page_uri: null });
    expect((second.body.media_list as { sid: string }[]).map((item) => item.sid)).toEqual([mms.media[2]!.sid]);
    expect(String(second.body.previous_page_uri)).toContain("PageToken=PB");
  });

  it("filters on DateCreated (newest first across seconds); a bad date is a 400", async () => {
    const sid = `MM${"4".repeat(32)}`;
    const older = fake.media.add({ messageSid: sid, contentType: "image/png", body: png, dateCreated: minutesAgo(10) });
    const newer = fake.media.add({ messageSid: sid, contentType: "image/png", body: png, dateCreated: minutesAgo(1) });
    expect((await client.messages(sid).media.list()).map((item) => item.sid)).toEqual([newer.sid, older.sid]);
    const recent = await client.messages(sid).media.list({ dateCreatedAfter: minutesAgo(5) });
    expect(recent.map((item) => item.sid)).toEqual([newer.sid]);
    const before = await client.messages(sid).media.list({ dateCreatedBefore: minutesAgo(5) });
    expect(before.map((item) => item.sid)).toEqual([older.sid]);
    const bad = await getJson(`/2010-04-01/Accounts/${accountSid}/Messages/${sid}/Media.json?DateCreated%3E=soon`);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 20001, status: 400 });
  });

  it("answers a scripted failure with Twilio's error body, once", async () => {
    const mms = fake.inboundMessages.receive({ from: "+15550008888", to: business, body: "", media: items });
    fake.media.failNextLists(1, { status: 503, code: 20503, message: "Service Unavailable" });
    await expect(client.messages(mms.sid).media.list()).rejects.toMatchObject({ status: 503, code: 20503 });
    expect(await client.messages(mms.sid).media.list()).toHaveLength(3);
  });
});
