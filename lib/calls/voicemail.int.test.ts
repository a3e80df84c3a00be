// Voicemail from the recording callback to the player: the thread API hands out a same-origin URL (never Twilio's),
// the route streams the audio from Twilio (the local fake, which demands the account's basic auth) for a member of
// the call's business only, with Range for seeking; the simulator's recordings play the shipped sample; a new
// voicemail moves its conversation to the top of the inbox, unread.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as voicemailRoute } from "@/app/api/calls/[id]/voicemail/route";
import { GET as threadsRoute } from "@/app/api/threads/route";
import { GET as threadRoute } from "@/app/api/threads/[id]/route";
import { POST as recording } from "@/app/api/twilio/recording/route";
import { POST as transcription } from "@/app/api/twilio/transcription/route";
import { POST as voice } from "@/app/api/twilio/voice/route";
import { db } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { simulateCall } from "@/lib/telephony/simulator/simulate-call";
import { simulatorRecordingUrl } from "@/lib/telephony/simulator/simulator-sids";
import { startTwilioFake, type TwilioFake } from "@/test/fakes/twilio-fake";
import { authedRequest, createTestBusiness, randomPhone, sessionCookie } from "@/test/helpers/business";
import { callSid, signedTwilioRequest } from "@/test/helpers/twilio";

const sampleMp3 = () => readFile(path.join(process.cwd(), "assets", "sample-voicemail.mp3"));
const recordingSid = () => `RE${crypto.randomUUID().replaceAll("-", "")}`;

async function ownerOf(overrides: Parameters<typeof createTestBusiness>[0] = {}) {
  const owner = await createTestBusiness({ routingMode: "forwarded", ...overrides });
  const cookie = await sessionCookie({ userId: owner.user.id, businessId: owner.business.id });
  return { ...owner, cookie };
}

const getVoicemail = (url: string, cookie: string, headers: Record<string, string> = {}) => {
  const id = /^\/api\/calls\/([^/]+)\/voicemail$/.exec(url)?.[1];
  if (!id) throw new Error(`not a voicemail URL: ${url}`);
  return voicemailRoute(authedRequest(url, { cookie, headers }), { params: Promise.resolve({ id }) });
};

const getThread = async (threadId: string, cookie: string) => {
  const response = await threadRoute(authedRequest(`/api/threads/${threadId}`, { cookie }), {
    params: Promise.resolve({ id: threadId }),
  });
  expect(response.status).toBe(200);
  return { text: await response.clone().text(), thread: (await response.json()).thread };
};

const listThreads = async (cookie: string) => {
  const response = await threadsRoute(authedRequest("/api/threads", { cookie }), {} as never);
  return (await response.json()).threads as { id: string; unreadCount: number; lastMessage: { body: string } }[];
};

/** A forwarded (so missed) call that leaves a voicemail at `recordingUrl`. */
async function missedCallWithVoicemail(twilioNumber: string, recordingUrl: string, sid: string, durationSec = "7") {
  const CallSid = callSid();
  await voice(await signedTwilioRequest("/api/twilio/voice", { CallSid, From: randomPhone(), To: twilioNumber }));
  const answer = await recording(
    await signedTwilioRequest("/api/twilio/recording", {
      CallSid,
      RecordingSid: sid,
      RecordingUrl: recordingUrl,
      RecordingDuration: durationSec,
    }),
  );
  expect(answer.status).toBe(200);
  return db.call.findUniqueOrThrow({ where: { callSid: CallSid } });
}

describe("voicemail through Twilio (the local fake)", () => {
  const accountSid = `AC${"d".repeat(32)}`;
  const authToken = "fake-auth-token-voicemail";
  let fake: TwilioFake;
  let mp3: Buffer;

  beforeAll(async () => {
    fake = await startTwilioFake({ accountSid, authToken });
    process.env.TWILIO_ACCOUNT_SID = accountSid;
    process.env.TWILIO_AUTH_TOKEN = authToken;
    process.env.TWILIO_API_BASE_URL = fake.url;
    resetEnvForTests();
    mp3 = await sampleMp3();
  });

  afterAll(async () => {
    delete process.env.TWILIO_ACCOUNT_SID;
    delete process.env.TWILIO_AUTH_TOKEN;
    delete process.env.TWILIO_API_BASE_URL;
    resetEnvForTests();
    await fake.close();
  });

  const twilioRecordingUrl = (sid: string, account = accountSid) =>
    `https://api.twilio.com/2010-04-01/Accounts/${account}/Recordings/${sid}`;

  it("the thread API gives a same-origin URL that plays the recording for a member, seekable with Range", async () => {
    const { twilioNumber, cookie } = await ownerOf();
    const sid = recordingSid();
    const call = await missedCallWithVoicemail(twilioNumber, twilioRecordingUrl(sid), sid);
    fake.recordings.add({ sid, callSid: call.callSid, durationSec: 7, mp3 });

    const { text, thread } = await getThread(call.threadId!, cookie);
    const voicemailUrl = `/api/calls/${call.id}/voicemail`;
    expect(thread.calls).toEqual([expect.objectContaining({ id: call.id, voicemailUrl, voicemailDurationSec: 7 })]);
    expect(text).not.toContain("api.twilio.com");
    expect(text).not.toContain(accountSid);

    const whole = await getVoicemail(voicemailUrl, cookie);
    expect(whole.status).toBe(200);
    expect(whole.headers.get("content-type")).toBe("audio/mpeg");
    expect(whole.headers.get("accept-ranges")).toBe("bytes");
    expect(whole.headers.get("cache-control")).toContain("private");
    expect(Buffer.from(await whole.arrayBuffer()).equals(mp3)).toBe(true);
    expect(fake.recordings.mediaRequests.at(-1)).toEqual({
      path: `/2010-04-01/Accounts/${accountSid}/Recordings/${sid}.mp3`,
      range: null,
    });

    const part = await getVoicemail(voicemailUrl, cookie, { range: "bytes=100-1099" });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 100-1099/${mp3.length}`);
    expect(part.headers.get("content-length")).toBe("1000");
    expect(Buffer.from(await part.arrayBuffer()).equals(mp3.subarray(100, 1100))).toBe(true);
    expect(fake.recordings.mediaRequests.at(-1)?.range).toBe("bytes=100-1099");

    const tail = await getVoicemail(voicemailUrl, cookie, { range: "bytes=-10" });
    expect(tail.status).toBe(206);
    expect(Buffer.from(await tail.arrayBuffer()).equals(mp3.subarray(mp3.length - 10))).toBe(true);

    const past = await getVoicemail(voicemailUrl, cookie, { range: `bytes=${mp3.length + 5}-` });
    expect(past.status).toBe(416);
    expect(past.headers.get("content-range")).toBe(`bytes */${mp3.length}`);
  });

  it("still seeks when Twilio answers a ranged request with the whole file", async () => {
    const { twilioNumber, cookie } = await ownerOf();
    const sid = recordingSid();
    const call = await missedCallWithVoicemail(twilioNumber, twilioRecordingUrl(sid), sid);
    fake.recordings.add({ sid, callSid: call.callSid, durationSec: 7, mp3 });
    fake.recordings.ignoreRanges(true);
    try {
      const part = await getVoicemail(`/api/calls/${call.id}/voicemail`, cookie, { range: "bytes=2000-" });
      expect(part.status).toBe(206);
      expect(part.headers.get("content-range")).toBe(`bytes 2000-${mp3.length - 1}/${mp3.length}`);
      expect(Buffer.from(await part.arrayBuffer()).equals(mp3.subarray(2000))).toBe(true);
    } finally {
      fake.recordings.ignoreRanges(false);
    }
  });

  it("needs a session, answers 404 to another business and never asks Twilio for it", async () => {
    const a = await ownerOf();
    const b = await ownerOf();
    const sid = recordingSid();
    const call = await missedCallWithVoicemail(a.twilioNumber, twilioRecordingUrl(sid), sid);
    fake.recordings.add({ sid, callSid: call.callSid, durationSec: 7, mp3 });
    const url = `/api/calls/${call.id}/voicemail`;
    const seen = fake.recordings.mediaRequests.length;

    expect((await getVoicemail(url, "")).status).toBe(401);
    const foreign = await getVoicemail(url, b.cookie);
    expect(foreign.status).toBe(404);
    expect((await foreign.json()).error.code).toBe("not_found");
    expect((await getVoicemail("/api/calls/nope/voicemail", a.cookie)).status).toBe(404);
    expect(fake.recordings.mediaRequests.length).toBe(seen);
  });

  it("a recording Twilio no longer has, or one of another account, is a 404", async () => {
    const { twilioNumber, cookie } = await ownerOf();
    const gone = recordingSid();
    const goneCall = await missedCallWithVoicemail(twilioNumber, twilioRecordingUrl(gone), gone);
    expect((await getVoicemail(`/api/calls/${goneCall.id}/voicemail`, cookie)).status).toBe(404);

    const seen = fake.recordings.mediaRequests.length;
    const other = recordingSid();
    const otherCall = await missedCallWithVoicemail(
      twilioNumber,
      twilioRecordingUrl(other, `AC${"e".repeat(32)}`),
      other,
    );
    expect((await getVoicemail(`/api/calls/${otherCall.id}/voicemail`, cookie)).status).toBe(404);
    expect(fake.recordings.mediaRequests.length).toBe(seen);
  });

  it("a recording URL that names no Twilio recording gives no voicemailUrl (the transcript still shows)", async () => {
    const { twilioNumber, cookie } = await ownerOf();
    const call = await missedCallWithVoicemail(twilioNumber, "https://example.com/elsewhere.mp3", recordingSid());
    const { thread } = await getThread(call.threadId!, cookie);
    expect(thread.calls[0].voicemailUrl).toBeNull();
    expect((await getVoicemail(`/api/calls/${call.id}/voicemail`, cookie)).status).toBe(404);
  });
});

describe("voicemail in simulator mode", () => {
  it("the simulator leaves one; it plays the shipped sample, seekable", async () => {
    const { business, cookie } = await ownerOf();
    const placed = await simulateCall({
      businessId: business.id,
      from: randomPhone(),
      isAnswered: false,
      voicemail: { transcript: "Water everywhere under the sink" },
    });
    expect(placed).toMatchObject({ isMissed: true, hasVoicemail: true });
    const { thread } = await getThread(placed.threadId!, cookie);
    const [call] = thread.calls;
    expect(call).toMatchObject({
      voicemailUrl: `/api/calls/${placed.id}/voicemail`,
      voicemailDurationSec: 12,
      voicemailTranscript: "Water everywhere under the sink",
    });
    const mp3 = await sampleMp3();
    const whole = await getVoicemail(call.voicemailUrl, cookie);
    expect(whole.status).toBe(200);
    expect(whole.headers.get("content-type")).toBe("audio/mpeg");
    expect(Buffer.from(await whole.arrayBuffer()).equals(mp3)).toBe(true);
    const part = await getVoicemail(call.voicemailUrl, cookie, { range: "bytes=0-1" });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 0-1/${mp3.length}`);
  });

  it("a new voicemail moves its conversation to the top of the inbox and marks it unread", async () => {
    const { business, cookie } = await ownerOf();
    const first = await simulateCall({ businessId: business.id, from: randomPhone(), isAnswered: false });
    const second = await simulateCall({ businessId: business.id, from: randomPhone(), isAnswered: false });
    // Both read, the first one older.
    await getThread(first.threadId!, cookie);
    await getThread(second.threadId!, cookie);
    await db.thread.update({
      where: { id: first.threadId! },
      data: { lastMessageAt: new Date(Date.now() - 3_600_000) },
    });
    await db.message.updateMany({
      where: { threadId: first.threadId! },
      data: { createdAt: new Date(Date.now() - 3_600_000) },
    });
    expect((await listThreads(cookie)).map((row) => row.id)).toEqual([second.threadId, first.threadId]);

    const sid = recordingSid();
    const CallSid = first.callSid;
    await recording(
      await signedTwilioRequest("/api/twilio/recording", {
        CallSid,
        RecordingSid: sid,
        RecordingUrl: simulatorRecordingUrl(sid),
        RecordingDuration: "9",
      }),
    );
    let rows = await listThreads(cookie);
    expect(rows.map((row) => row.id)).toEqual([first.threadId, second.threadId]);
    expect(rows[0]).toMatchObject({ unreadCount: 1, lastMessage: { body: "Voicemail (9 s)" } });

    await transcription(
      await signedTwilioRequest("/api/twilio/transcription", {
        CallSid,
        TranscriptionText: "No heat in the house",
        TranscriptionStatus: "completed",
      }),
    );
    rows = await listThreads(cookie);
    expect(rows[0]).toMatchObject({ id: first.threadId, lastMessage: { body: "Voicemail: “No heat in the house”" } });
  });
});
