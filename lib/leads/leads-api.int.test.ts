import { describe, expect, it } from "vitest";
import { GET as exportCsv } from "@/app/api/leads/export.csv/route";
import { GET as getLead, PATCH } from "@/app/api/leads/[id]/route";
import { GET as listLeads } from "@/app/api/leads/route";
import { db } from "@/lib/db/client";
import { authedRequest, createTestBusiness, randomPhone, sessionCookie } from "@/test/helpers/business";

const ctx = (id: string) => ({ params: Promise.resolve({ id }) });

async function businessWithLeads() {
  const owner = await createTestBusiness();
  const cookie = await sessionCookie({ userId: owner.user.id, businessId: owner.business.id });
  const id = owner.business.id;
  const alice = await db.lead.create({
    data: {
      businessId: id,
      phone: randomPhone(),
      name: "Alice Appleseed",
      address: "12 Elm Street",
      status: "new",
      urgency: "emergency",
    },
  });
  const bob = await db.lead.create({
    data: {
      businessId: id,
      phone: "+14155550199",
      name: "=cmd|' /C calc'!A0",
      address: "1 Main St, Apt 2\nBack door",
      status: "qualified",
      source: "text",
    },
  });
  const carol = await db.lead.create({
    data: {
      businessId: id,
      phone: randomPhone(),
      name: 'Carol "CJ" Jones',
      status: "won",
      valueCents: 12_500,
      createdAt: new Date("2026-01-10T15:00:00Z"),
    },
  });
  return { owner, cookie, alice, bob, carol };
}

describe("/api/leads", () => {
  it("lists with search (name, number digits, address), filters, sort and cursor pages", async () => {
    const { cookie, alice, bob, carol } = await businessWithLeads();
    const list = async (query: string) =>
      (await (await listLeads(authedRequest(`/api/leads?${query}`, { cookie }), {} as never)).json()) as {
        leads: { id: string }[];
        nextCursor: string | null;
        counts?: Record<string, number>;
      };
    const ids = (page: { leads: { id: string }[] }) => page.leads.map((lead) => lead.id);
    expect(ids(await list("q=apple"))).toEqual([alice.id]);
    expect(ids(await list("q=(415) 555-0199"))).toEqual([bob.id]);
    expect(ids(await list("q=main st"))).toEqual([bob.id]);
    expect(ids(await list("status=won"))).toEqual([carol.id]);
    expect(new Set(ids(await list("status=won,qualified&sort=name&dir=asc")))).toEqual(new Set([bob.id, carol.id]));
    // The order itself, on each sort field and in both directions (names chosen so that every collation agrees;
    // carol's is the only value and the only old createdAt; status and urgency follow their declared order).
    expect(ids(await list("status=new,won&sort=name&dir=asc"))).toEqual([alice.id, carol.id]);
    expect(ids(await list("status=new,won&sort=name&dir=desc"))).toEqual([carol.id, alice.id]);
    expect(ids(await list("sort=status&dir=asc"))).toEqual([alice.id, bob.id, carol.id]);
    expect(ids(await list("sort=status&dir=desc"))).toEqual([carol.id, bob.id, alice.id]);
    expect(ids(await list("sort=valueCents&dir=desc"))[0]).toBe(carol.id); // a value first, no value last
    expect(ids(await list("sort=valueCents&dir=asc"))[0]).toBe(carol.id); // nulls last in both directions
    expect(ids(await list("sort=createdAt&dir=asc"))[0]).toBe(carol.id);
    expect(ids(await list("sort=createdAt&dir=desc")).at(-1)).toBe(carol.id);
    expect(ids(await list("status=new,qualified&sort=urgency&dir=desc"))).toEqual([alice.id, bob.id]);
    expect(ids(await list("urgency=emergency"))).toEqual([alice.id]);
    expect(ids(await list("source=text"))).toEqual([bob.id]);
    expect(ids(await list("from=2026-01-10&to=2026-01-10"))).toEqual([carol.id]);
    const all = await list("sort=createdAt&dir=desc");
    expect(all.counts).toEqual({ new: 1, contacted: 0, qualified: 1, won: 1, lost: 0 });
    const first = await list("limit=2");
    expect(first.leads).toHaveLength(2);
    const second = await list(`limit=2&cursor=${first.nextCursor}`);
    // Pages follow the list's order: first page then second page is the whole list, in order.
    expect([...ids(first), ...ids(second)]).toEqual(ids(all));
    expect(second.nextCursor).toBeNull();
    expect((await listLeads(authedRequest("/api/leads?status=bogus", { cookie }), {} as never)).status).toBe(422);
  });

  it("PATCH: status change logged with the user, closedAt for won, webhook queued; bad input 422", async () => {
    const { owner, cookie, alice } = await businessWithLeads();
    await db.webhookEndpoint.create({
      data: { businessId: owner.business.id, url: "http://127.0.0.1:9/x", secret: "whsec_x" },
    });
    const response = await PATCH(
      authedRequest(`/api/leads/${alice.id}`, {
        cookie,
        method: "PATCH",
        body: { status: "won", valueCents: 30_000, notes: "Replaced the valve" },
      }),
      ctx(alice.id),
    );
    expect(response.status).toBe(200);
    const lead = await db.lead.findUniqueOrThrow({ where: { id: alice.id } });
    expect(lead).toMatchObject({ status: "won", valueCents: 30_000, notes: "Replaced the valve" });
    expect(lead.closedAt).not.toBeNull();
    const events = await db.event.findMany({ where: { leadId: alice.id, type: "lead.status_changed" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorKind: "user",
      actorUserId: owner.user.id,
      payload: { from: "new", to: "won" },
    });
    const deliveries = await db.webhookDelivery.findMany({ where: { businessId: owner.business.id } });
    expect(deliveries.map((delivery) => delivery.eventType)).toEqual(["lead.updated"]);

    const detail = await (await getLead(authedRequest(`/api/leads/${alice.id}`, { cookie }), ctx(alice.id))).json();
    expect(detail.statusHistory).toHaveLength(1);
    for (const body of [{ status: "done" }, { valueCents: -1 }, { phone: "+1" }, { name: "x".repeat(500) }]) {
      const bad = await PATCH(
        authedRequest(`/api/leads/${alice.id}`, { cookie, method: "PATCH", body }),
        ctx(alice.id),
      );
      expect(bad.status, JSON.stringify(body)).toBe(422);
    }
  });

  it("PATCH language: a person sets the customer's language; the lead and its thread carry it", async () => {
    const { owner, cookie, alice } = await businessWithLeads();
    const { GET: getThread } = await import("@/app/api/threads/[id]/route");
    const thread = await db.thread.create({ data: { businessId: owner.business.id, leadId: alice.id } });
    const patch = (body: unknown) =>
      PATCH(authedRequest(`/api/leads/${alice.id}`, { cookie, method: "PATCH", body }), ctx(alice.id));
    for (const language of ["xx", "spanish", "", 7])
      expect((await patch({ language })).status, String(language)).toBe(422);
    expect((await db.lead.findUniqueOrThrow({ where: { id: alice.id } })).languageSource).toBe("unknown");
    const response = await patch({ language: "ES" });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ language: "es", languageSource: "owner" });
    const view = await (await getThread(authedRequest(`/api/threads/${thread.id}`, { cookie }), ctx(thread.id))).json();
    expect(view.thread).toMatchObject({ language: "es", lead: { language: "es", languageSource: "owner" } });
  });

  it("tenancy: another business's lead is 404 everywhere and nothing changes", async () => {
    const { alice } = await businessWithLeads();
    const intruder = await createTestBusiness();
    const cookie = await sessionCookie({ userId: intruder.user.id, businessId: intruder.business.id });
    const before = await db.lead.findUniqueOrThrow({ where: { id: alice.id } });
    expect((await getLead(authedRequest(`/api/leads/${alice.id}`, { cookie }), ctx(alice.id))).status).toBe(404);
    const patch = await PATCH(
      authedRequest(`/api/leads/${alice.id}`, { cookie, method: "PATCH", body: { status: "lost" } }),
      ctx(alice.id),
    );
    expect(patch.status).toBe(404);
    const list = await (
      await listLeads(authedRequest(`/api/leads?q=Alice&cursor=${alice.id}`, { cookie }), {} as never)
    ).json();
    expect(list.leads).toEqual([]);
    const csv = await (await exportCsv(authedRequest("/api/leads/export.csv?q=Alice", { cookie }), {} as never)).text();
    expect(csv.trim().split("\r\n")).toHaveLength(1);
    const after = await db.lead.findUniqueOrThrow({ where: { id: alice.id } });
    expect(after).toEqual(before);
    expect(await db.event.count({ where: { leadId: alice.id } })).toBe(0);
    expect((await listLeads(new Request("https://ringback.test/api/leads"), {} as never)).status).toBe(401);
  });

  it("exports the current filter as escaped CSV with local times", async () => {
    const { cookie, owner } = await businessWithLeads();
    const response = await exportCsv(
      authedRequest("/api/leads/export.csv?status=qualified&status=won&sort=name&dir=asc", { cookie }),
      {} as never,
    );
    expect(response.headers.get("content-type")).toContain("text/csv");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)], "UTF-8 byte-order mark, so Excel reads accents right").toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes); // drops the mark
    expect(csv.startsWith("id,created,status,name,phone")).toBe(true);
    expect(csv).toContain(`"Carol ""CJ"" Jones"`);
    expect(csv).toContain(`,'=cmd|' /C calc'!A0,`);
    expect(csv).toContain(`"1 Main St, Apt 2\nBack door"`);
    expect(csv, "the phone stays text in a spreadsheet").toContain(',"=""+14155550199""",');
    expect(csv).toContain("2026-01-10 10:00"); // 15:00Z in America/New_York
    expect(csv).toContain("125.00");
    expect(csv).not.toContain("Alice");
    expect(owner.business.timezone).toBe("America/New_York");
  });
});
