import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { GET as threadEvents } from "@/app/api/threads/[id]/events/route";
import { GET as businessEvents } from "@/app/api/events/route";
import { db } from "@/lib/db/client";
import { LIVE_CHANNEL, publishLive, subscribeLive, type LiveEvent } from "@/lib/events/bus";
import type { EventName } from "@/lib/events/catalogue";
import { recordEvent as recordCatalogueEvent } from "@/lib/events/record-event";
import { createTestBusiness, randomPhone, sessionCookie } from "@/test/helpers/business";

type Frame = {
  id?: string;
  data: { type: string; id?: string | null; threadId?: string | null; data?: Record<string, unknown> };
};

/** Reads SSE frames from a response until `isDone` says so (or the timeout). */
function frameReader(response: Response) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  const frames: Frame[] = [];
  return {
    frames,
    async until(isDone: (frames: Frame[]) => boolean, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (!isDone(frames)) {
        if (Date.now() > deadline) throw new Error(`timed out; got ${JSON.stringify(frames)}`);
        const chunk = await Promise.race([
          reader.read(),
          new Promise<null>((resolve) => setTimeout(() => resolve(null), 200)),
        ]);
        if (!chunk) continue;
        if (chunk.done) throw new Error("stream ended");
        buffer += decoder.decode(chunk.value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const id = /^id: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (data) frames.push({ id, data: JSON.parse(data) });
        }
      }
      return frames;
    },
    async isClosed() {
      const result = await Promise.race([
        reader.read(),
        new Promise<null>((resolve) => setTimeout(() => resolve(null), 2_000)),
      ]);
      return result?.done === true;
    },
  };
}

async function threadSetup() {
  const owner = await createTestBusiness();
  const lead = await db.lead.create({ data: { businessId: owner.business.id, phone: randomPhone() } });
  const thread = await db.thread.create({ data: { businessId: owner.business.id, leadId: lead.id } });
  const cookie = await sessionCookie({ userId: owner.user.id, businessId: owner.business.id });
  return { ...owner, lead, thread, cookie };
}

/** A valid payload for each event these tests store (the catalogue checks every payload). */
const samplePayloads = {
  "message.received": { messageId: "m1" },
  "message.queued": { messageId: "m1", purpose: "manual" },
  "message.status": { messageId: "m1", status: "sent" },
  "call.missed": {
    callSid: "CA1",
    missReason: "no-answer",
    skipReason: null,
    isRepeat: false,
    autoReplyMessageId: null,
  },
  "thread.taken_over": { via: "inbox", previousMode: "ai", previousHolderUserId: null, abandonedGenerationId: null },
} as const;

const eventFor = (businessId: string, threadId: string, type: keyof typeof samplePayloads) => ({
  businessId,
  threadId,
  type,
});

/** Stores the event and publishes it, as every write does at commit. */
const recordEvent = ({ businessId, threadId, type }: ReturnType<typeof eventFor>) =>
  recordCatalogueEvent(type as EventName, samplePayloads[type] as never, {
    businessId,
    threadId,
    actor: { kind: "system" },
  });

describe("GET /api/threads/{id}/events", () => {
  it("replays stored events after Last-Event-ID, then streams live events and AI tokens, and closes on abort", async () => {
    const { business, thread, cookie } = await threadSetup();
    const first = await recordEvent(eventFor(business.id, thread.id, "message.received"));
    const second = await recordEvent(eventFor(business.id, thread.id, "message.queued"));
    const third = await recordEvent(eventFor(business.id, thread.id, "message.status"));
    const abort = new AbortController();
    const response = await threadEvents(
      new Request(`https://ringback.test/api/threads/${thread.id}/events`, {
        headers: { cookie, "last-event-id": first.id.toString() },
        signal: abort.signal,
      }),
      { params: Promise.resolve({ id: thread.id }) },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/text\/event-stream/);
    const stream = frameReader(response);
    await stream.until((frames) => frames.some((frame) => frame.data.type === "ready"));
    expect(stream.frames.filter((frame) => frame.id).map((frame) => [frame.id, frame.data.type])).toEqual([
      [second.id.toString(), "message.queued"],
      [third.id.toString(), "message.status"],
    ]);

    const live = await recordEvent(eventFor(business.id, thread.id, "thread.taken_over"));
    await publishLive({
      businessId: business.id,
      threadId: thread.id,
      type: "ai.token",
      data: { generationId: "g1", delta: "Hel" },
    });
    await stream.until((frames) => frames.some((frame) => frame.data.type === "ai.token"));
    expect(stream.frames.find((frame) => frame.data.type === "thread.taken_over")?.id).toBe(live.id.toString());
    const token = stream.frames.find((frame) => frame.data.type === "ai.token")!;
    expect(token.id).toBeUndefined();
    expect(token.data.data).toEqual({ generationId: "g1", delta: "Hel" });
    abort.abort();
    expect(await stream.isClosed()).toBe(true);
  });

  it("a fresh client gets the current position; ?lastEventId= works like the header", async () => {
    const { business, thread, cookie } = await threadSetup();
    const stored = await recordEvent(eventFor(business.id, thread.id, "call.missed"));
    const abort = new AbortController();
    const fresh = frameReader(
      await threadEvents(
        new Request(`https://ringback.test/api/threads/${thread.id}/events`, {
          headers: { cookie },
          signal: abort.signal,
        }),
        {
          params: Promise.resolve({ id: thread.id }),
        },
      ),
    );
    const [ready] = await fresh.until((frames) => frames.length > 0);
    expect(ready).toMatchObject({ id: stored.id.toString(), data: { type: "ready" } });
    abort.abort();

    const later = await recordEvent(eventFor(business.id, thread.id, "message.received"));
    const resumeAbort = new AbortController();
    const resumed = frameReader(
      await threadEvents(
        new Request(`https://ringback.test/api/threads/${thread.id}/events?lastEventId=${stored.id}`, {
          headers: { cookie },
          signal: resumeAbort.signal,
        }),
        { params: Promise.resolve({ id: thread.id }) },
      ),
    );
    await resumed.until((frames) => frames.some((frame) => frame.data.type === "ready"));
    expect(resumed.frames[0]).toMatchObject({ id: later.id.toString(), data: { type: "message.received" } });
    resumeAbort.abort();
  });

  it("the business-wide stream carries every thread's events but no token deltas", async () => {
    const { business, thread, cookie } = await threadSetup();
    const abort = new AbortController();
    const stream = frameReader(
      await businessEvents(
        new Request("https://ringback.test/api/events", { headers: { cookie }, signal: abort.signal }),
        {} as never,
      ),
    );
    await stream.until((frames) => frames.some((frame) => frame.data.type === "ready"));
    await publishLive({ businessId: business.id, threadId: thread.id, type: "ai.token", data: { delta: "x" } });
    await recordEvent(eventFor(business.id, thread.id, "message.received"));
    const other = await threadSetup();
    await recordEvent(eventFor(other.business.id, other.thread.id, "message.received"));
    await stream.until((frames) => frames.some((frame) => frame.data.type === "message.received"));
    // Then check that nothing more arrives. Not for a fixed time: a marker event for this business, published after
    // everything above, travels the same ordered channel (one LISTEN connection, or the in-process emitter) and the
    // stream writes frames in arrival order. Once the marker is here, the token delta and the other business's
    // event would be here too, had they been let through.
    await recordEvent(eventFor(business.id, thread.id, "message.status"));
    await stream.until((frames) => frames.some((frame) => frame.data.type === "message.status"));
    expect(stream.frames.map((frame) => frame.data.type)).toEqual(["ready", "message.received", "message.status"]);
    expect(stream.frames[1]!.data.threadId).toBe(thread.id);
    abort.abort();
  });
});

describe("live events across server instances", () => {
  const isEmbedded = inject("databaseKind") === "embedded";

  it.skipIf(isEmbedded)(
    "travel through PostgreSQL NOTIFY between separate connections (skipped on embedded PGlite: one process, in-process bus; run with TEST_DATABASE_URL)",
    async () => {
      const { business, thread } = await threadSetup();
      const url = inject("databaseUrl");
      // "Instance 2" listens on its own connection; this process publishes.
      const otherInstance = new pg.Client({ connectionString: url });
      await otherInstance.connect();
      const received: LiveEvent[] = [];
      otherInstance.on("notification", (message) => received.push(JSON.parse(message.payload!)));
      await otherInstance.query(`LISTEN ${LIVE_CHANNEL}`);
      await publishLive({ businessId: business.id, threadId: thread.id, type: "message.received", id: "42" });
      // And the reverse: "instance 2" publishes on its connection, this process's subscriber receives it.
      const here: LiveEvent[] = [];
      const unsubscribe = await subscribeLive({ businessId: business.id, threadId: thread.id }, (event) =>
        here.push(event),
      );
      const publisher = new pg.Client({ connectionString: url });
      await publisher.connect();
      await publisher.query("SELECT pg_notify($1, $2)", [
        LIVE_CHANNEL,
        JSON.stringify({ businessId: business.id, threadId: thread.id, type: "ai.token", data: { delta: "Hi" } }),
      ]);
      const deadline = Date.now() + 5_000;
      while ((received.length === 0 || !here.some((event) => event.type === "ai.token")) && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 50));
      unsubscribe();
      await otherInstance.end();
      await publisher.end();
      expect(received.find((event) => event.businessId === business.id)).toMatchObject({
        type: "message.received",
        id: "42",
      });
      expect(here).toEqual(
        expect.arrayContaining([expect.objectContaining({ type: "ai.token", data: { delta: "Hi" } })]),
      );
    },
  );
});
