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

  it("ends a session when the password changes (sessionVersion)", async () => {
    const { business, user } = await createTestBusiness();
    const cookie = await sessionCookie({ userId: user.id, businessId: business.id });
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    const response = await GET(authedRequest("/api/business", { cookie }), noContext);
    expect(response.status).toBe(401);
  });
});
