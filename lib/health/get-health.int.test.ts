import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/health-panel/route";
import { db } from "@/lib/db/client";
import { createFixtureCall } from "@/test/helpers/metrics-fixtures";
import { authedRequest, createTestBusiness, sessionCookie } from "@/test/helpers/business";
import { recordHealthEvent } from "@/lib/health/record-health-event";

describe("GET /api/health-panel", () => {
  it("reports the last call, failures by code and calls without a lead, for the own business only", async () => {
    const { business, user } = await createTestBusiness();
    const other = await createTestBusiness();
    const now = Date.now();
    const { thread, lead } = await createFixtureCall({
      businessId: business.id,
      at: new Date(now - 60_000),
      acceptedAfterSeconds: 1,
    });
    await db.call.create({
      data: {
        businessId: business.id,
        callSid: `CA-nolead-${now}`,
        fromNumber: "+14155550100",
        toNumber: "+15005550006",
        isMissed: true,
      },
    });
    await createFixtureCall({ businessId: other.business.id, at: new Date(now - 1000) });
    for (const errorCode of [30003, 30003, 30007]) {
      await db.message.create({
        data: {
          businessId: business.id,
          threadId: thread.id,
          leadId: lead.id,
          direction: "outbound",
          authorKind: "system",
          purpose: "manual",
          body: "x",
          fromNumber: "+1",
          toNumber: "+2",
          status: "failed",
          errorCode,
        },
      });
    }
    await recordHealthEvent({ kind: "twilio_fallback", businessId: business.id });
    await recordHealthEvent({ kind: "twilio_fallback", businessId: other.business.id });
    const cookie = await sessionCookie({ userId: user.id, businessId: business.id });
    const response = await GET(authedRequest("/api/health-panel", { cookie }), {} as never);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.lastCall.leadId).toBeNull();
    expect(
      body.deliveryFailuresByCode.map((row: { errorCode: number; count: number }) => [row.errorCode, row.count]),
    ).toEqual([
      [30003, 2],
      [30007, 1],
    ]);
    expect(body.callsWithoutLead).toHaveLength(1);
    expect(body.twilioFallbackHits24h).toBeGreaterThanOrEqual(1);
    const ownOrUnattributed = await db.healthCounter.aggregate({
      where: { kind: "twilio_fallback", scope: { in: [business.id, ""] } },
      _sum: { count: true },
    });
    expect(body.twilioFallbackHits24h).toBe(ownOrUnattributed._sum.count);
    expect((await GET(new Request("https://ringback.test/api/health-panel"), {} as never)).status).toBe(401);
  });
});
