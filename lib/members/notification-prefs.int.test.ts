// My notification preferences: defaults, validation (E.164 phone, both quiet-hour ends), stored on my Membership
// only, and honoured by the notifier.
import { beforeAll, describe, expect, it } from "vitest";
import { GET, PATCH } from "@/app/api/account/notifications/route";
import { db } from "@/lib/db/client";
import { getBoss } from "@/lib/jobs/boss";
import { notifyMembers } from "@/lib/notifications/notify-members";
import { authedRequest, createTestBusiness, sessionCookie } from "@/test/helpers/business";

const noContext = {} as never;

beforeAll(async () => {
  await getBoss();
});

async function owner() {
  const test = await createTestBusiness();
  return { ...test, cookie: await sessionCookie({ userId: test.user.id, businessId: test.business.id }) };
}

const patch = (cookie: string, body: unknown) =>
  PATCH(authedRequest("/api/account/notifications", { cookie, method: "PATCH", body }), noContext);

describe("/api/account/notifications", () => {
  it("needs a session", async () => {
    expect((await GET(authedRequest("/api/account/notifications", { cookie: "" }), noContext)).status).toBe(401);
  });

  it("answers the defaults, then stores a change on my membership only", async () => {
    const { cookie, ownerPhone, business, user } = await owner();
    const initial = await (await GET(authedRequest("/api/account/notifications", { cookie }), noContext)).json();
    expect(initial.preferences).toEqual({
      notify: { missed_call: true, customer_reply: true, ai_handoff: true },
      quietStart: null,
      quietEnd: null,
      phone: ownerPhone,
    });
    const response = await patch(cookie, {
      notify: { customer_reply: false },
      quietStart: "22:00",
      quietEnd: "06:30",
      phone: "(415) 555-0142",
    });
    expect(response.status).toBe(200);
    expect((await response.json()).preferences).toEqual({
      notify: { missed_call: true, customer_reply: false, ai_handoff: true },
      quietStart: "22:00",
      quietEnd: "06:30",
      phone: "+14155550142",
    });
    const stored = await db.membership.findUniqueOrThrow({
      where: { userId_businessId: { userId: user.id, businessId: business.id } },
    });
    expect(stored).toMatchObject({ quietStart: "22:00", quietEnd: "06:30", phone: "+14155550142" });
    expect(stored.notifyPrefs).toEqual({ missed_call: true, customer_reply: false, ai_handoff: true });
  });

  it("refuses an invalid phone, a half set of quiet hours and unknown keys, changing nothing", async () => {
    const { cookie, ownerPhone, business, user } = await owner();
    expect((await patch(cookie, { phone: "12" })).status).toBe(422);
    expect((await patch(cookie, { quietStart: "22:00" })).status).toBe(422);
    expect((await patch(cookie, { quietStart: "25:00", quietEnd: "06:00" })).status).toBe(422);
    expect((await patch(cookie, { notify: { everything: false } })).status).toBe(422);
    const stored = await db.membership.findUniqueOrThrow({
      where: { userId_businessId: { userId: user.id, businessId: business.id } },
    });
    expect(stored).toMatchObject({ quietStart: null, quietEnd: null, phone: ownerPhone, notifyPrefs: {} });
  });

  it("the notifier honours a switched-off event but still delivers emergencies", async () => {
    const { cookie, business } = await owner();
    await patch(cookie, { notify: { missed_call: false } });
    const missed = await notifyMembers({
      businessId: business.id,
      threadId: null,
      kind: "missed_call",
      title: "Missed call",
      body: "x",
    });
    expect(missed).toHaveLength(0);
    const emergency = await notifyMembers({
      businessId: business.id,
      threadId: null,
      kind: "emergency",
      title: "Emergency",
      body: "x",
    });
    expect(emergency).toHaveLength(1);
  });
});
