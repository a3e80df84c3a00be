import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/metrics/route";
import { db } from "@/lib/db/client";
import { getMetrics } from "@/lib/metrics/get-metrics";
import { createFixtureCall } from "@/test/helpers/metrics-fixtures";
import { resolveMetricPeriod } from "@/lib/metrics/metric-period";
import { zonedDayStart } from "@/lib/metrics/zoned-time";
import { authedRequest, createTestBusiness, sessionCookie } from "@/test/helpers/business";

const tz = "America/New_York";
const week = resolveMetricPeriod({ from: "2026-03-05", to: "2026-03-11" }, tz);
const at = (day: string, hour: number, minute = 0) =>
  new Date(zonedDayStart(day, tz).getTime() + (hour * 60 + minute) * 60_000);

describe("success metrics", () => {
  it("with no calls: nulls and zeros, no division errors", async () => {
    const { business } = await createTestBusiness();
    const report = await getMetrics({ businessId: business.id, period: week });
    expect(report.metrics.captureRate).toMatchObject({ value: null, textable: 0, isMet: null });
    expect(report.metrics.responseTime).toMatchObject({ p50Seconds: null, p95Seconds: null, isMet: null });
    expect(report.metrics.conversion).toMatchObject({ value: null, isMet: null });
    expect(report.metrics.takeover).toMatchObject({ avgSeconds: null, p90Seconds: null, count: 0 });
    expect(report.metrics.converted).toMatchObject({ value: null, leads: 0 });
    expect(report.metrics.revenueWonBack.cents).toBe(0);
    expect(report.daily).toHaveLength(7);
    expect(report.funnel.map((stage) => stage.count)).toEqual([0, 0, 0, 0, 0]);
  });

  it("all opted out: nothing textable, each call listed with its reason", async () => {
    const { business } = await createTestBusiness();
    for (let i = 0; i < 3; i++)
      await createFixtureCall({ businessId: business.id, at: at("2026-03-06", 10 + i), skipReason: "opted_out" });
    const report = await getMetrics({ businessId: business.id, period: week });
    expect(report.metrics.captureRate).toMatchObject({ value: null, textable: 0, missed: 3, isMet: null });
    expect(report.metrics.captureRate.excludedByReason).toEqual([{ reason: "opted_out", count: 3 }]);
    expect(report.uncapturedCalls.map((call) => call.reason)).toEqual(["opted_out", "opted_out", "opted_out"]);
  });

  it("capture rate, response time, conversion, converted and revenue from hand-built calls", async () => {
    const { business, user } = await createTestBusiness();
    const id = business.id;
    const day = "2026-03-06";
    const seconds = [1, 1, 2, 3, 40];
    for (const [index, s] of seconds.entries()) {
      await createFixtureCall({
        businessId: id,
        at: at(day, 9, index),
        acceptedAfterSeconds: s,
        replied: index < 4,
        leadStatus: index === 0 ? "won" : index === 1 ? "qualified" : "contacted",
        valueCents: index === 0 ? 45_000 : null,
      });
    }
    await createFixtureCall({ businessId: id, at: at(day, 10) }); // textable, never accepted
    await createFixtureCall({ businessId: id, at: at(day, 11), skipReason: "anonymous" });
    await createFixtureCall({ businessId: id, at: at(day, 12), skipReason: "repeat_caller" });
    await createFixtureCall({ businessId: id, at: at(day, 13), acceptedAfterSeconds: 1, isTest: true });
    await createFixtureCall({ businessId: id, at: at("2026-03-20", 9), acceptedAfterSeconds: 1 }); // outside
    const { thread } = await createFixtureCall({ businessId: id, at: at(day, 14), isMissed: false, leadStatus: "new" });
    const sentAt = at(day, 15);
    for (const takeoverSeconds of [20, 40, 120]) {
      await db.notification.create({
        data: {
          businessId: id,
          threadId: thread.id,
          userId: user.id,
          kind: "customer_reply",
          title: "t",
          body: "b",
          sentAt,
          takeoverAt: new Date(sentAt.getTime() + takeoverSeconds * 1000),
        },
      });
    }
    // a second member's notification for the same takeover counts once, from the earliest send
    await db.notification.create({
      data: {
        businessId: id,
        threadId: thread.id,
        userId: user.id,
        kind: "customer_reply",
        title: "t",
        body: "b",
        sentAt: new Date(sentAt.getTime() + 5000),
        takeoverAt: new Date(sentAt.getTime() + 20_000),
      },
    });

    const report = await getMetrics({ businessId: id, period: week });
    const m = report.metrics;
    expect(m.captureRate).toMatchObject({ captured: 5, textable: 6, missed: 8, repeatCalls: 1, isMet: false });
    expect(m.captureRate.value).toBeCloseTo(5 / 6);
    expect(m.captureRate.excludedByReason).toEqual([{ reason: "anonymous", count: 1 }]);
    expect(m.responseTime.p50Seconds).toBeCloseTo(2);
    expect(m.responseTime.p95Seconds).toBeCloseTo(3 + 0.8 * 37); // percentile_cont between 3 and 40
    expect(m.responseTime.isMet).toBe(false);
    expect(m.conversion).toMatchObject({ autoTexted: 5, replied: 4 });
    expect(m.conversion.value).toBeCloseTo(0.8);
    expect(m.conversion.isMet).toBe(false);
    expect(m.takeover.count).toBe(3);
    expect(m.takeover.avgSeconds).toBeCloseTo((20 + 40 + 120) / 3);
    expect(m.takeover.p90Seconds).toBeCloseTo(40 + 0.8 * 80);
    // 10 leads in the period, less the test call's lead (the "test my setup" caller is nobody's customer)
    expect(m.converted).toMatchObject({ leads: 9, won: 1, previousValue: null, isMet: true });
    expect(m.converted.value).toBeCloseTo(1 / 9);
    expect(m.revenueWonBack).toEqual({ cents: 45_000, leadsWon: 1 });
    expect(report.funnel.map((stage) => stage.count)).toEqual([6, 5, 4, 2, 1]);
    expect(report.responseHistogram.map((bucket) => bucket.count)).toEqual([0, 2, 2, 0, 0, 1, 0]);
    expect(report.uncapturedCalls.map((call) => call.reason).sort()).toEqual(["anonymous", "not_sent"]);
    const friday = report.daily.find((point) => point.day === day);
    expect(friday).toMatchObject({ missed: 7, textable: 6, captured: 5, revenueCents: 45_000 });
  });

  it("buckets a DST week in America/New_York by local day", async () => {
    const { business } = await createTestBusiness({ timezone: tz });
    // 2026-03-08: clocks go forward at 02:00. 23:30 local on the 7th is 04:30Z on the 8th; 00:30 on the 8th is 05:30Z;
    // 23:30 on the 8th is 03:30Z on the 9th (EDT).
    await createFixtureCall({ businessId: business.id, at: new Date("2026-03-08T04:30:00Z"), acceptedAfterSeconds: 1 });
    await createFixtureCall({ businessId: business.id, at: new Date("2026-03-08T05:30:00Z"), acceptedAfterSeconds: 1 });
    await createFixtureCall({ businessId: business.id, at: new Date("2026-03-09T03:30:00Z") });
    await createFixtureCall({ businessId: business.id, at: new Date("2026-03-09T04:30:00Z"), acceptedAfterSeconds: 1 });
    const report = await getMetrics({ businessId: business.id, period: week });
    const byDay = Object.fromEntries(report.daily.map((point) => [point.day, [point.missed, point.captured]]));
    expect(byDay["2026-03-07"]).toEqual([1, 1]);
    expect(byDay["2026-03-08"]).toEqual([2, 1]);
    expect(byDay["2026-03-09"]).toEqual([1, 1]);
    expect(report.daily.map((point) => point.day)).toEqual([
      "2026-03-05",
      "2026-03-06",
      "2026-03-07",
      "2026-03-08",
      "2026-03-09",
      "2026-03-10",
      "2026-03-11",
    ]);
    expect(zonedDayStart("2026-03-09", tz).toISOString()).toBe("2026-03-09T04:00:00.000Z");
    expect(zonedDayStart("2026-03-08", tz).toISOString()).toBe("2026-03-08T05:00:00.000Z");
  });

  it("GET /api/metrics: session, period validation, own business only", async () => {
    const a = await createTestBusiness();
    const b = await createTestBusiness();
    await createFixtureCall({ businessId: b.business.id, at: at("2026-03-06", 9), acceptedAfterSeconds: 1 });
    const cookie = await sessionCookie({ userId: a.user.id, businessId: a.business.id });
    expect((await GET(new Request("https://ringback.test/api/metrics"), {} as never)).status).toBe(401);
    const bad = await GET(authedRequest("/api/metrics?from=2026-03-10&to=2026-03-01", { cookie }), {} as never);
    expect(bad.status).toBe(422);
    const ok = await GET(authedRequest("/api/metrics?from=2026-03-05&to=2026-03-11", { cookie }), {} as never);
    expect(ok.status).toBe(200);
    const body = await ok.json();
    expect(body.metrics.captureRate.missed).toBe(0);
    const defaults = await (await GET(authedRequest("/api/metrics", { cookie }), {} as never)).json();
    expect(defaults.daily).toHaveLength(7);
  });
});

describe("leads converted against the previous period", () => {
  it("is met only when the rate rose", async () => {
    const { business } = await createTestBusiness();
    await createFixtureCall({ businessId: business.id, at: at("2026-03-01", 9), leadStatus: "won" }); // previous week: 1/1
    await createFixtureCall({ businessId: business.id, at: at("2026-03-06", 9), leadStatus: "won" });
    await createFixtureCall({ businessId: business.id, at: at("2026-03-06", 10), leadStatus: "lost" });
    const report = await getMetrics({ businessId: business.id, period: week });
    expect(report.metrics.converted).toMatchObject({ value: 0.5, previousValue: 1, isMet: false, leads: 2, won: 1 });
    expect(report.metrics.converted.byStatus).toMatchObject({ won: 1, lost: 1, new: 0 });
  });
});
