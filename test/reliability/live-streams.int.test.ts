// Live streams end with the session: a stream opened before a password change or a removal stops at its next
// heartbeat (session.ended), and delivers nothing after, the AI's tokens included. And no one person may hold more
// than MAX_STREAMS_PER_USER streams open at once (the 11th is 429 until one closes).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as businessEvents } from "@/app/api/events/route";
import { GET as threadEvents } from "@/app/api/threads/[id]/events/route";
import { getMember } from "@/lib/auth/session";
import { memberEventStream, MAX_STREAMS_PER_USER } from "@/lib/conversations/member-event-stream";
import { db } from "@/lib/db/client";
import { publishLive } from "@/lib/events/bus";
import { authedRequest, createTestBusiness, randomPhone, sessionCookie } from "@/test/helpers/business";
import { waitFor } from "@/test/helpers/wait";

type Reader = { text: () => string; isDone: () => boolean; abort: () => void };

function read(response: Response, controller: AbortController): Reader {
  const decoder = new TextDecoder();
  let text = "";
  let isDone = false;
  const reader = response.body!.getReader();
  void (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        text += decoder.decode(value);
      }
    } catch {
      // aborted
    }
    isDone = true;
  })();
  return { text: () => text, isDone: () => isDone, abort: () => controller.abort() };
}

async function memberWithThread() {
  const owner = await createTestBusiness();
  const member = await db.user.create({ data: { email: `s-${Date.now()}@example.test`, passwordHash: "x" } });
  await db.membership.create({ data: { userId: member.id, businessId: owner.business.id, role: "member" } });
  const lead = await db.lead.create({ data: { businessId: owner.business.id, phone: randomPhone() } });
  const thread = await db.thread.create({ data: { businessId: owner.business.id, leadId: lead.id, mode: "ai" } });
  const cookie = await sessionCookie({ userId: member.id, businessId: owner.business.id });
  return { owner, member, thread, cookie };
}

function open(cookie: string, heartbeatMs: number) {
  const controller = new AbortController();
  const request = new Request("https://ringback.test/api/events", { headers: { cookie }, signal: controller.signal });
  return { request, controller, heartbeatMs };
}

beforeAll(async () => {
  await db.$queryRaw`SELECT 1`;
});

const readers: Reader[] = [];
afterAll(() => {
  for (const reader of readers) reader.abort();
});

describe("live streams end with the session", () => {
  for (const [what, end] of [
    [
      "the password changes",
      (userId: string) => db.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } }),
    ],
    ["the member is removed", (userId: string) => db.membership.deleteMany({ where: { userId } })],
  ] as const) {
    it(`${what}: the open stream ends at its next heartbeat and carries nothing after`, async () => {
      const { owner, member, thread, cookie } = await memberWithThread();
      const { request, controller, heartbeatMs } = open(cookie, 300);
      const signedIn = (await getMember(request))!;
      const stream = read(memberEventStream(request, signedIn, { threadId: thread.id }, { heartbeatMs }), controller);
      readers.push(stream);
      await waitFor(() => stream.text().includes('"type":"ready"'));
      await publishLive({
        businessId: owner.business.id,
        threadId: thread.id,
        type: "ai.token",
        data: { delta: "before" },
      });
      await waitFor(() => stream.text().includes("before"));

      await end(member.id);
      await waitFor(() => stream.isDone(), { timeoutMs: 5_000 });
      expect(stream.text()).toContain('"type":"session.ended"');
      const atEnd = stream.text();
      await publishLive({
        businessId: owner.business.id,
        threadId: thread.id,
        type: "ai.token",
        data: { delta: "after" },
      });
      // The stream is closed (isDone): nothing can arrive; the text is what it was.
      expect(stream.text()).toBe(atEnd);
      expect(stream.text()).not.toContain("after");
    });
  }

  it("a stream whose session holds keeps going past several heartbeats", async () => {
    const { thread, cookie } = await memberWithThread();
    const { request, controller } = open(cookie, 100);
    const signedIn = (await getMember(request))!;
    const stream = read(
      memberEventStream(request, signedIn, { threadId: thread.id }, { heartbeatMs: 100 }),
      controller,
    );
    readers.push(stream);
    await waitFor(() => stream.text().split(": heartbeat").length > 4);
    expect(stream.isDone()).toBe(false);
    stream.abort();
  });
});

describe("streams per person", () => {
  it(`the ${MAX_STREAMS_PER_USER + 1}th open stream of one person is 429 (both routes), until one closes`, async () => {
    const { thread, cookie } = await memberWithThread();
    const opened: Reader[] = [];
    for (let index = 0; index < MAX_STREAMS_PER_USER; index += 1) {
      const controller = new AbortController();
      const route = index % 2 === 0 ? "events" : "thread";
      const response =
        route === "events"
          ? await businessEvents(
              new Request("https://ringback.test/api/events", { headers: { cookie }, signal: controller.signal }),
              {} as never,
            )
          : await threadEvents(
              new Request(`https://ringback.test/api/threads/${thread.id}/events`, {
                headers: { cookie },
                signal: controller.signal,
              }),
              { params: Promise.resolve({ id: thread.id }) },
            );
      expect(response.status, `stream ${index + 1}`).toBe(200);
      opened.push(read(response, controller));
    }
    readers.push(...opened);
    const refused = await businessEvents(authedRequest("/api/events", { cookie }), {} as never);
    expect(refused.status).toBe(429);
    const refusedThread = await threadEvents(authedRequest(`/api/threads/${thread.id}/events`, { cookie }), {
      params: Promise.resolve({ id: thread.id }),
    });
    expect(refusedThread.status).toBe(429);
    opened[0]!.abort();
    await waitFor(() => opened[0]!.isDone());
    const controller = new AbortController();
    const again = await businessEvents(
      new Request("https://ringback.test/api/events", { headers: { cookie }, signal: controller.signal }),
      {} as never,
    );
    expect(again.status).toBe(200);
    controller.abort();
    await again.body?.cancel();
    for (const reader of opened) reader.abort();
  });
});
