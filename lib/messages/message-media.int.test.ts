// A customer's MMS from the webhook to the screen: the thread API and the lead detail hand out our own URLs (never
// Twilio's), and GET /api/messages/{id}/media/{index} streams each item from Twilio (the local fake, which demands
// the account's basic auth) for a member of the message's business only. A stored URL that is not a media item of
// our account on the configured API host is refused without any request; a file that is not a picture is a
// download; the auth token never reaches the log.
import { capturedLogLines } from "@/test/reliability/capture-logs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as leadRoute } from "@/app/api/leads/[id]/route";
import { GET as mediaRoute } from "@/app/api/messages/[id]/media/[index]/route";
import { GET as threadRoute } from "@/app/api/threads/[id]/route";
import { db } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { MAX_MEDIA_BYTES } from "@/lib/telephony/fetch-message-media";
import { startTwilioFake, type TwilioFake } from "@/test/fakes/twilio-fake";
import { authedRequest, createTestBusiness, randomPhone, sessionCookie } from "@/test/helpers/business";
import { messageSid, postInboundSms, threadOf } from "@/test/helpers/inbound-sms";

// The smallest valid PNG (1×1), so the bytes are a real picture.
const png = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);
const pdf = Buffer.from("%PDF-1.4\n% a quote\n");
const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

const accountSid = `AC${"f".repeat(32)}`;
const authToken = "fake-auth-token-message-media-7f3a";
let fake: TwilioFake;

beforeAll(async () => {
  fake = await startTwilioFake({ accountSid, authToken });
  process.env.TWILIO_ACCOUNT_SID = accountSid;
  process.env.TWILIO_AUTH_TOKEN = authToken;
  process.env.TWILIO_API_BASE_URL = fake.url;
  resetEnvForTests();
});

afterAll(async () => {
  delete process.env.TWILIO_ACCOUNT_SID;
  delete process.env.TWILIO_AUTH_TOKEN;
  delete process.env.TWILIO_API_BASE_URL;
  resetEnvForTests();
  await fake.close();
});

async function ownerWithMember() {
  const owner = await createTestBusiness();
  const businessId = owner.business.id;
  const member = await db.user.create({
    data: { email: `member-${crypto.randomUUID()}@example.test`, name: "Max Member", passwordHash: "x" },
  });
  await db.membership.create({ data: { userId: member.id, businessId, role: "member", phone: randomPhone() } });
  return {
    ...owner,
    cookie: await sessionCookie({ userId: owner.user.id, businessId }),
    memberCookie: await sessionCookie({ userId: member.id, businessId }),
  };
}

/** A customer's MMS through the signed webhook, its media stored at the fake as Twilio would hold it. */
async function mms(twilioNumber: string, items: { contentType: string; body: Buffer }[], body = "") {
  const sid = messageSid();
  const media = items.map((item) => fake.media.add({ messageSid: sid, ...item }));
  const from = randomPhone();
  const { response } = await postInboundSms({ from, to: twilioNumber, body, sid, media });
  expect(response.status).toBe(200);
  return { message: await db.message.findUniqueOrThrow({ where: { messageSid: sid } }), media, from };
}

const getMedia = (url: string, cookie: string) => {
  const match = /^\/api\/messages\/([^/]+)\/media\/([^/]+)$/.exec(url);
  if (!match) throw new Error(`not a media URL: ${url}`);
  return mediaRoute(authedRequest(url, { cookie }), { params: Promise.resolve({ id: match[1]!, index: match[2]! }) });
};

async function getThread(threadId: string, cookie: string) {
  const response = await threadRoute(authedRequest(`/api/threads/${threadId}`, { cookie }), {
    params: Promise.resolve({ id: threadId }),
  });
  expect(response.status).toBe(200);
  const text = await response.text();
  return { text, thread: JSON.parse(text).thread };
}

describe("MMS media through our own route", () => {
  it("the thread API and the lead detail give our URLs; owner and member see the photo", async () => {
    const { twilioNumber, cookie, memberCookie, business } = await ownerWithMember();
    const { message, media } = await mms(
      twilioNumber,
      [
        { contentType: "image/png", body: png },
        { contentType: "application/pdf", body: pdf },
      ],
      "This is the leak",
    );
    const photoUrl = `/api/messages/${message.id}/media/0`;
    const pdfUrl = `/api/messages/${message.id}/media/1`;
    const attachments = [
      { url: photoUrl, contentType: "image/png", isImage: true },
      { url: pdfUrl, contentType: "application/pdf", isImage: false },
    ];

    const { text, thread } = await getThread(message.threadId, cookie);
    expect(thread.messages).toEqual([expect.objectContaining({ id: message.id, attachments })]);
    for (const secret of [fake.url, "api.twilio.com", accountSid, media[0]!.sid, message.messageSid!]) {
      expect(text).not.toContain(secret);
    }
    const lead = await leadRoute(authedRequest(`/api/leads/${message.leadId}`, { cookie: memberCookie }), {
      params: Promise.resolve({ id: message.leadId }),
    });
    expect((await lead.json()).threads[0].messages).toEqual([expect.objectContaining({ attachments })]);

    for (const session of [cookie, memberCookie]) {
      const photo = await getMedia(photoUrl, session);
      expect(photo.status).toBe(200);
      expect(photo.headers.get("content-type")).toBe("image/png");
      expect(photo.headers.get("content-disposition")).toBe("inline");
      expect(photo.headers.get("x-content-type-options")).toBe("nosniff");
      expect(photo.headers.get("cache-control")).toMatch(/^private/);
      expect(photo.headers.get("content-security-policy")).toContain("sandbox");
      expect(Buffer.from(await photo.arrayBuffer()).equals(png)).toBe(true);
    }
    expect(fake.media.requests.at(-1)).toBe(
      `/2010-04-01/Accounts/${accountSid}/Messages/${message.messageSid}/Media/${media[0]!.sid}`,
    );
    expect(await threadOf({ businessId: business.id, phone: message.fromNumber })).not.toBeNull();
  });

  it("a file that is not an allowed picture is a download of application/octet-stream", async () => {
    const { twilioNumber, cookie } = await ownerWithMember();
    const { message } = await mms(twilioNumber, [
      { contentType: "application/pdf", body: pdf },
      { contentType: "image/svg+xml", body: svg },
    ]);
    const pdfAnswer = await getMedia(`/api/messages/${message.id}/media/0`, cookie);
    expect(pdfAnswer.status).toBe(200);
    expect(pdfAnswer.headers.get("content-type")).toBe("application/octet-stream");
    expect(pdfAnswer.headers.get("content-disposition")).toBe('attachment; filename="attachment-1.pdf"');
    expect(pdfAnswer.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await pdfAnswer.arrayBuffer()).equals(pdf)).toBe(true);

    // An SVG can carry script: never served as an image on our origin.
    const svgAnswer = await getMedia(`/api/messages/${message.id}/media/1`, cookie);
    expect(svgAnswer.headers.get("content-type")).toBe("application/octet-stream");
    expect(svgAnswer.headers.get("content-disposition")).toMatch(/^attachment;/);
    const { thread } = await getThread(message.threadId, cookie);
    expect(thread.messages[0].attachments.map((a: { isImage: boolean }) => a.isImage)).toEqual([false, false]);
  });

  it("needs a session, answers 404 to another business and to a missing index, and never asks Twilio then", async () => {
    const a = await ownerWithMember();
    const b = await ownerWithMember();
    const { message } = await mms(a.twilioNumber, [{ contentType: "image/png", body: png }]);
    const seen = fake.requests.length;
    const url = `/api/messages/${message.id}/media/0`;
    expect((await getMedia(url, "")).status).toBe(401);
    const foreign = await getMedia(url, b.cookie);
    expect(foreign.status).toBe(404);
    expect((await foreign.json()).error.code).toBe("not_found");
    expect((await getMedia(`/api/messages/${message.id}/media/1`, a.cookie)).status).toBe(404);
    expect((await getMedia(`/api/messages/${message.id}/media/x`, a.cookie)).status).toBe(404);
    expect((await getMedia(`/api/messages/${message.id}/media/00`, a.cookie)).status).toBe(404);
    expect((await getMedia("/api/messages/nope/media/0", a.cookie)).status).toBe(404);
    expect(fake.requests.length).toBe(seen);
  });

  it("a stored URL that is not our account's media on the configured host is refused without any request", async () => {
    const { twilioNumber, cookie } = await ownerWithMember();
    const { message } = await mms(twilioNumber, [{ contentType: "image/png", body: png }]);
    const sid = message.messageSid!;
    const me = `ME${"a".repeat(32)}`;
    const other = `AC${"e".repeat(32)}`;
    const hostile = [
      `${fake.url}/x`,
      "http://127.0.0.1:9/x",
      "http://169.254.169.254/latest/meta-data/",
      `${fake.url}/2010-04-01/Accounts/${other}/Messages/${sid}/Media/${me}`,
      `https://api.twilio.com/2010-04-01/Accounts/${accountSid}/Messages/${sid}/Media/${me}`,
      `${fake.url}/2010-04-01/Accounts/${accountSid}/Messages/MM${"b".repeat(32)}/Media/${me}`,
      `${fake.url}/2010-04-01/Accounts/${accountSid}/Messages/${sid}/Media/${me}?redirect=http://127.0.0.1:9/`,
      `${fake.url.replace("http://", `http://${accountSid}:${authToken}@`)}/2010-04-01/Accounts/${accountSid}/Messages/${sid}/Media/${me}`,
      `${fake.url}/2010-04-01/Accounts/${accountSid}/Messages/${sid}/Media/${me}/../../../../Calls.json`,
      "not a url",
    ];
    await db.message.update({
      where: { id: message.id },
      data: { mediaUrls: hostile, mediaContentTypes: hostile.map(() => "image/png") },
    });
    const seen = fake.requests.length;
    for (const [index] of hostile.entries()) {
      const answer = await getMedia(`/api/messages/${message.id}/media/${index}`, cookie);
      expect(answer.status, hostile[index]).toBe(404);
    }
    expect(fake.requests.length).toBe(seen);
    const { thread } = await getThread(message.threadId, cookie);
    expect(thread.messages[0].attachments).toEqual([]);
  });

  it("follows Twilio's redirect on its own host, refuses one to another host, and stops past the size cap", async () => {
    const { twilioNumber, cookie } = await ownerWithMember();
    const elsewhere = await startTwilioFake({ accountSid, authToken });
    try {
      const sid = messageSid();
      const target = fake.media.add({ messageSid: sid, contentType: "image/png", body: png });
      const redirected = fake.media.add({
        messageSid: sid,
        contentType: "image/png",
        body: Buffer.alloc(0),
        redirectTo: target.url,
      });
      const hostile = fake.media.add({
        messageSid: sid,
        contentType: "image/png",
        body: Buffer.alloc(0),
        redirectTo: `${elsewhere.url}/2010-04-01/Accounts/${accountSid}/Messages/${sid}/Media/${target.sid}`,
      });
      const huge = fake.media.add({
        messageSid: sid,
        contentType: "image/jpeg",
        body: Buffer.alloc(MAX_MEDIA_BYTES + 1),
      });
      const media = [redirected, hostile, huge].map((item) => ({ url: item.url, contentType: item.contentType }));
      await postInboundSms({ from: randomPhone(), to: twilioNumber, body: "", sid, media });
      const message = await db.message.findUniqueOrThrow({ where: { messageSid: sid } });

      const followed = await getMedia(`/api/messages/${message.id}/media/0`, cookie);
      expect(followed.status).toBe(200);
      expect(Buffer.from(await followed.arrayBuffer()).equals(png)).toBe(true);

      const refused = await getMedia(`/api/messages/${message.id}/media/1`, cookie);
      expect(refused.status).toBe(503);
      expect(elsewhere.requests).toEqual([]);

      expect((await getMedia(`/api/messages/${message.id}/media/2`, cookie)).status).toBe(413);
    } finally {
      await elsewhere.close();
    }
  });

  it("the auth token and a storage URL's signature never reach the log", async () => {
    const { twilioNumber, cookie } = await ownerWithMember();
    const { message } = await mms(twilioNumber, [{ contentType: "image/png", body: png }]);
    // A redirect to an unexpected place: logged with its status and host only (a storage URL's query is a signature).
    fake.media.list.at(-1)!.redirectTo = "https://attacker.example/steal?token=x";
    expect((await getMedia(`/api/messages/${message.id}/media/0`, cookie)).status).toBe(503);
    const log = capturedLogLines.join("\n");
    expect(log).toContain("refused a message media redirect");
    expect(log).not.toContain(authToken);
    expect(log).not.toContain(Buffer.from(`${accountSid}:${authToken}`).toString("base64"));
    expect(log).not.toContain("token=x");
  });
});
