import { describe, expect, it } from "vitest";
import { GET, PATCH } from "@/app/api/business/route";
import { db } from "@/lib/db/client";
import { authedRequest, createTestBusiness, sessionCookie } from "@/test/helpers/business";

const noContext = {} as never;

describe("/api/business", () => {
  it("needs a session", async () => {
    const response = await GET(new Request("https://ringback.test/api/business"), noContext);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "unauthorized" } });
  });

  it("reads and patches the member's own business, normalising phone numbers", async () => {
    const { business, user } = await createTestBusiness();
    const cookie = await sessionCookie({ userId: user.id, businessId: business.id });
    const read = await GET(authedRequest("/api/business", { cookie }), noContext);
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({
      name: "Test Plumbing Co",
      routingMode: "ring_first",
      ringTimeoutSeconds: 18,
    });

    const patched = await PATCH(
      authedRequest("/api/business", {
        cookie,
        method: "PATCH",
        body: {
          available: true,
          forwardTo: "(415) 555-0123",
          businessHours: {
            mon: [
              { open: "07:30", close: "12:00" },
              { open: "13:00", close: "18:00" },
            ],
            tue: [],
            wed: [],
            thu: [],
            fri: [],
            sat: [],
            sun: [],
          },
        },
      }),
      noContext,
    );
    expect(patched.status).toBe(200);
    const body = await patched.json();
    expect(body).toMatchObject({ available: true, forwardTo: "+14155550123", name: "Test Plumbing Co" });
    expect(body.businessHours.mon).toHaveLength(2);
  });

  it("rejects bad input with 422 and changes nothing", async () => {
    const { business, user } = await createTestBusiness();
    const cookie = await sessionCookie({ userId: user.id, businessId: business.id });
    const before = await db.business.findUniqueOrThrow({ where: { id: business.id } });
    for (const body of [
      { timezone: "Mars/Olympus" },
      { forwardTo: "not a number" },
      { ringTimeoutSeconds: 1000 },
      { businessHours: { mon: [{ open: "18:00", close: "08:00" }] } },
      { unknownField: 1 },
    ]) {
      const response = await PATCH(authedRequest("/api/business", { cookie, method: "PATCH", body }), noContext);
      expect(response.status, JSON.stringify(body)).toBe(422);
    }
    const after = await db.business.findUniqueOrThrow({ where: { id: business.id } });
    expect(after.updatedAt).toEqual(before.updatedAt);
  });

  it("refuses an auto-reply that would reach a customer broken, naming what is wrong, and changes nothing", async () => {
    const { business, user } = await createTestBusiness({ bookingUrl: null });
    const cookie = await sessionCookie({ userId: user.id, businessId: business.id });
    const patch = (body: Record<string, unknown>) =>
      PATCH(authedRequest("/api/business", { cookie, method: "PATCH", body }), noContext);
    const before = await db.business.findUniqueOrThrow({ where: { id: business.id } });

    const unknown = await patch({ autoReplyTemplate: "Hi {first_name}, this is {business}. {eta}" });
    expect(unknown.status).toBe(422);
    expect((await unknown.json()).error.details).toEqual([
      {
        path: "autoReplyTemplate",
        message: "Unknown placeholders {first_name}, {eta}. Use {business}, {booking_link}, {caller_number}.",
      },
    ]);
    const noLink = await patch({ autoReplyTemplateEs: "Reserve aquí: {booking_link}" });
    expect(noLink.status).toBe(422);
    expect((await noLink.json()).error.details).toEqual([
      { path: "autoReplyTemplateEs", message: expect.stringContaining("{booking_link} has no value") },
    ]);
    expect((await patch({ autoReplyLanguage: "fr" })).status).toBe(422);
    const after = await db.business.findUniqueOrThrow({ where: { id: business.id } });
    expect(after.updatedAt).toEqual(before.updatedAt);

    // With the link in the same save it is fine; removing the link later is refused on the link.
    const withLink = await patch({
      autoReplyTemplate: "{business}: sorry we missed you. Book here: {booking_link}",
      bookingUrl: "https://acme.example/book",
      autoReplyLanguage: "en+es",
    });
    expect(withLink.status).toBe(200);
    expect(await withLink.json()).toMatchObject({ autoReplyLanguage: "en+es" });
    const removeLink = await patch({ bookingUrl: null });
    expect(removeLink.status).toBe(422);
    expect((await removeLink.json()).error.details).toEqual([
      { path: "bookingUrl", message: expect.stringContaining("uses {booking_link}") },
    ]);
    // An unrelated save never trips over the template.
    expect((await patch({ available: true })).status).toBe(200);
  });

  it("AI drafts: the owner picks approve mode and an auto-send delay (or never); bad values and members are refused", async () => {
    const { business, user } = await createTestBusiness();
    const cookie = await sessionCookie({ userId: user.id, businessId: business.id });
    const initial = await (await GET(authedRequest("/api/business", { cookie }), noContext)).json();
    expect(initial).toMatchObject({ aiReplyMode: "auto", aiDraftAutoSendMinutes: null });

    const patch = (body: unknown, withCookie = cookie) =>
      PATCH(authedRequest("/api/business", { cookie: withCookie, method: "PATCH", body }), noContext);
    const approved = await patch({ aiReplyMode: "approve", aiDraftAutoSendMinutes: 10 });
    expect(approved.status).toBe(200);
    expect(await approved.json()).toMatchObject({ aiReplyMode: "approve", aiDraftAutoSendMinutes: 10 });
    const event = await db.event.findFirst({ where: { businessId: business.id, type: "business.updated" } });
    expect(event).toMatchObject({
      actorUserId: user.id,
      payload: { fields: ["aiReplyMode", "aiDraftAutoSendMinutes"] },
    });

    for (const body of [
      { aiReplyMode: "manual" },
      { aiReplyMode: null },
      { aiDraftAutoSendMinutes: 0 },
      { aiDraftAutoSendMinutes: 1441 },
      { aiDraftAutoSendMinutes: 2.5 },
      { aiDraftAutoSendMinutes: "10" },
    ]) {
      const response = await patch(body);
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect((await response.json()).error.details[0].path).toBe(Object.keys(body)[0]);
    }
    const never = await patch({ aiDraftAutoSendMinutes: null });
    expect(await never.json()).toMatchObject({ aiReplyMode: "approve", aiDraftAutoSendMinutes: null });

    const member = await db.user.create({ data: { email: `m-${Date.now()}@example.test`, passwordHash: "x" } });
    await db.membership.create({ data: { userId: member.id, businessId: business.id, role: "member" } });
    const memberCookie = await sessionCookie({ userId: member.id, businessId: business.id });
    const refused = await patch({ aiReplyMode: "auto" }, memberCookie);
    expect(refused.status).toBe(403);
    expect((await db.business.findUniqueOrThrow({ where: { id: business.id } })).aiReplyMode).toBe("approve");
  });

  it("safety advice on emergencies: on by default, the owner switches it off; a non-boolean is refused", async () => {
    const { business, user } = await createTestBusiness();
    const cookie = await sessionCookie({ userId: user.id, businessId: business.id });
    const initial = await (await GET(authedRequest("/api/business", { cookie }), noContext)).json();
    expect(initial).toMatchObject({ emergencyAdvice: true });
    const patch = (body: unknown) =>
      PATCH(authedRequest("/api/business", { cookie, method: "PATCH", body }), noContext);
    const bad = await patch({ emergencyAdvice: "no" });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.details[0].path).toBe("emergencyAdvice");
    const off = await patch({ emergencyAdvice: false });
    expect(off.status).toBe(200);
    expect(await off.json()).toMatchObject({ emergencyAdvice: false });
    expect((await db.business.findUniqueOrThrow({ where: { id: business.id } })).emergencyAdvice).toBe(false);
  });

  it("ends a session when the password changes (sessionVersion)", async () => {
    const { business, user } = await createTestBusiness();
    const cookie = await sessionCookie({ userId: user.id, businessId: business.id });
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    const response = await GET(authedRequest("/api/business", { cookie }), noContext);
    expect(response.status).toBe(401);
  });
});
