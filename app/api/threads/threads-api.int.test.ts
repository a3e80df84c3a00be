import { describe, expect, it } from "vitest";
import { GET as listThreads } from "@/app/api/threads/route";
import { GET as getThread } from "@/app/api/threads/[id]/route";
import { POST as takeover } from "@/app/api/threads/[id]/takeover/route";
import { POST as release } from "@/app/api/threads/[id]/release/route";
import { POST as sendMessage } from "@/app/api/threads/[id]/messages/route";
import { GET as threadEvents } from "@/app/api/threads/[id]/events/route";
import { db } from "@/lib/db/client";
import { authedRequest, createTestBusiness, randomPhone, sessionCookie } from "@/test/helpers/business";

const ctx = (id: string) => ({ params: Promise.resolve({ id }) });

async function businessWithThread(options: { isOptedOut?: boolean } = {}) {
  const owner = await createTestBusiness();
  const lead = await db.lead.create({
    data: {
      businessId: owner.business.id,
      phone: randomPhone(),
      name: "Dana Customer",
      service: "leak",
      urgency: "high",
      isOptedOut: options.isOptedOut ?? false,
    },
  });
  const thread = await db.thread.create({
    data: { businessId: owner.business.id, leadId: lead.id, mode: "ai", unreadCount: 2 },
  });
  await db.message.create({
    data: {
      businessId: owner.business.id,
      threadId: thread.id,
      leadId: lead.id,
      direction: "inbound",
      authorKind: "customer",
      purpose: "inbound",
      body: "My kitchen sink is leaking",
      fromNumber: lead.phone,
      toNumber: owner.twilioNumber,
      status: "received",
    },
  });
  const cookie = await sessionCookie({ userId: owner.user.id, businessId: owner.business.id });
  return { ...owner, lead, thread, cookie };
}

async function snapshot(threadId: string) {
  const thread = await db.thread.findUniqueOrThrow({ where: { id: threadId } });
  return {
    thread,
    messages: await db.message.count({ where: { threadId } }),
    events: await db.event.count({ where: { threadId } }),
  };
}

async function aiTurnJobs(threadId: string): Promise<number> {
  const rows = await db.$queryRaw<
    { count: bigint }[]
  >`SELECT count(*) AS count FROM pgboss.job WHERE name = 'ai-turn' AND data->>'threadId' = ${threadId}`;
  return Number(rows[0]?.count ?? 0);
}

describe("thread API tenancy: business A cannot read or change business B's threads", () => {
  it("answers 404 on every route and changes nothing", async () => {
    const a = await businessWithThread();
    const b = await businessWithThread();
    const before = await snapshot(b.thread.id);
    const id = b.thread.id;
    const attempts: [string, () => Promise<Response>][] = [
      ["GET one", () => getThread(authedRequest(`/api/threads/${id}`, { cookie: a.cookie }), ctx(id))],
      [
        "takeover",
        () => takeover(authedRequest(`/api/threads/${id}/takeover`, { cookie: a.cookie, method: "POST" }), ctx(id)),
      ],
      [
        "release",
        () =>
          release(
            authedRequest(`/api/threads/${id}/release`, { cookie: a.cookie, method: "POST", body: { now: true } }),
            ctx(id),
          ),
      ],
      [
        "messages",
        () =>
          sendMessage(
            authedRequest(`/api/threads/${id}/messages`, { cookie: a.cookie, method: "POST", body: { body: "hi" } }),
            ctx(id),
          ),
      ],
      ["events", () => threadEvents(authedRequest(`/api/threads/${id}/events`, { cookie: a.cookie }), ctx(id))],
    ];
    for (const [name, attempt] of attempts) {
      const response = await attempt();
      expect(response.status, name).toBe(404);
      expect(await response.json(), name).toMatchObject({ error: { code: "not_found" } });
    }
    const list = await (await listThreads(authedRequest("/api/threads", { cookie: a.cookie }), {} as never)).json();
    expect(list.threads.map((thread: { id: string }) => thread.id)).not.toContain(id);
    expect(await snapshot(b.thread.id)).toEqual(before);
    expect(await aiTurnJobs(id)).toBe(0);
  });

  it("needs a session on every route", async () => {
    const { thread } = await businessWithThread();
    const anonymous = new Request(`https://ringback.test/api/threads/${thread.id}`);
    expect((await getThread(anonymous, ctx(thread.id))).status).toBe(401);
    expect((await takeover(new Request(anonymous, { method: "POST" }), ctx(thread.id))).status).toBe(401);
    expect((await listThreads(new Request("https://ringback.test/api/threads"), {} as never)).status).toBe(401);
  });
});

describe("thread API for the member's own business", () => {
  it("lists with lead, mode and last message; opening a thread marks it read", async () => {
    const { thread, cookie } = await businessWithThread();
    const list = await (await listThreads(authedRequest("/api/threads", { cookie }), {} as never)).json();
    expect(list.threads[0]).toMatchObject({
      id: thread.id,
      mode: "ai",
      unreadCount: 2,
      lead: { name: "Dana Customer", service: "leak", urgency: "high", status: "new" },
      lastMessage: { body: "My kitchen sink is leaking", direction: "inbound", authorKind: "customer" },
    });
    const one = await (await getThread(authedRequest(`/api/threads/${thread.id}`, { cookie }), ctx(thread.id))).json();
    expect(one.thread.messages).toHaveLength(1);
    expect(one.thread.lead.name).toBe("Dana Customer");
    expect((await db.thread.findUniqueOrThrow({ where: { id: thread.id } })).unreadCount).toBe(0);
  });

  it("takeover, reply (queued as the member), release with Let AI handle", async () => {
    const { thread, cookie, user } = await businessWithThread();
    const taken = await takeover(
      authedRequest(`/api/threads/${thread.id}/takeover`, { cookie, method: "POST" }),
      ctx(thread.id),
    );
    expect(taken.status).toBe(200);
    expect(await db.thread.findUniqueOrThrow({ where: { id: thread.id } })).toMatchObject({
      mode: "human",
      holderUserId: user.id,
    });

    const sent = await sendMessage(
      authedRequest(`/api/threads/${thread.id}/messages`, {
        cookie,
        method: "POST",
        body: { body: "On my way at 3pm" },
      }),
      ctx(thread.id),
    );
    expect(sent.status).toBe(201);
    const message = await db.message.findFirstOrThrow({ where: { threadId: thread.id, purpose: "manual" } });
    expect(message).toMatchObject({
      authorKind: "user",
      authorUserId: user.id,
      status: "queued",
      body: "On my way at 3pm",
    });

    const released = await release(
      authedRequest(`/api/threads/${thread.id}/release?now=1`, { cookie, method: "POST" }),
      ctx(thread.id),
    );
    expect(released.status).toBe(200);
    expect(await db.thread.findUniqueOrThrow({ where: { id: thread.id } })).toMatchObject({
      mode: "ai",
      holderUserId: null,
    });
    expect(await aiTurnJobs(thread.id)).toBe(1);
    const types = (await db.event.findMany({ where: { threadId: thread.id }, orderBy: { id: "asc" } })).map(
      (event) => event.type,
    );
    expect(types).toEqual(["thread.taken_over", "message.queued", "thread.released"]);
  });

  it("replying takes an AI thread over in the same step", async () => {
    const { thread, cookie, user } = await businessWithThread();
    await sendMessage(
      authedRequest(`/api/threads/${thread.id}/messages`, {
        cookie,
        method: "POST",
        body: { body: "Hi, this is Olivia" },
      }),
      ctx(thread.id),
    );
    expect(await db.thread.findUniqueOrThrow({ where: { id: thread.id } })).toMatchObject({
      mode: "human",
      holderUserId: user.id,
    });
  });

  it("refuses a reply to an opted-out customer with 409 and stores nothing", async () => {
    const { thread, cookie } = await businessWithThread({ isOptedOut: true });
    const before = await snapshot(thread.id);
    const response = await sendMessage(
      authedRequest(`/api/threads/${thread.id}/messages`, { cookie, method: "POST", body: { body: "Hello?" } }),
      ctx(thread.id),
    );
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({
      error: { code: "opted_out", message: expect.stringMatching(/STOP/) },
    });
    expect(await snapshot(thread.id)).toEqual(before);
  });

  it("validates the reply body (empty, over 1600 characters)", async () => {
    const { thread, cookie } = await businessWithThread();
    for (const body of [{ body: "   " }, { body: "x".repeat(1601) }, {}]) {
      const response = await sendMessage(
        authedRequest(`/api/threads/${thread.id}/messages`, { cookie, method: "POST", body }),
        ctx(thread.id),
      );
      expect(response.status).toBe(422);
    }
    expect(await db.message.count({ where: { threadId: thread.id } })).toBe(1);
  });
});
