// Issue 12, defect 13: the "test my setup" lead is nobody's customer. Whatever reads leads (the pipeline counts, the
// list, the CSV export, every metric and the daily series) must leave it out, including any rollup or precomputed
// table a later change adds: keep this test passing against it.
import { describe, expect, it } from "vitest";
import { GET as exportCsv } from "@/app/api/leads/export.csv/route";
import { GET as listLeads } from "@/app/api/leads/route";
import { db } from "@/lib/db/client";
import { getMetrics } from "@/lib/metrics/get-metrics";
import { createFixtureCall } from "@/test/helpers/metrics-fixtures";
import { resolveMetricPeriod } from "@/lib/metrics/metric-period";
import { zonedDayStart } from "@/lib/metrics/zoned-time";
import { isSetupTestPhone } from "@/lib/setup-test/test-caller";
import { authedRequest, createTestBusiness, sessionCookie } from "@/test/helpers/business";

const noContext = {} as never;
const tz = "America/New_York";
const day = "2026-03-06";
const week = resolveMetricPeriod({ from: "2026-03-05", to: "2026-03-11" }, tz);
const at = (hour: number) => new Date(zonedDayStart(day, tz).getTime() + hour * 3_600_000);

describe("the setup-test lead", () => {
  it("is in no count, list, metric or export", async () => {
    const { business, user } = await createTestBusiness({ timezone: tz });
    const cookie = await sessionCookie({ userId: user.id, businessId: business.id });
    // One real customer, and the test call's lead in the state a person could leave it in: contacted by the
    // auto-text, replied, then (by mistake) marked won with a value.
    const customer = await createFixtureCall({
      businessId: business.id,
      at: at(9),
      acceptedAfterSeconds: 1,
      replied: true,
      leadStatus: "won",
      valueCents: 20_000,
    });
    const test = await createFixtureCall({
      businessId: business.id,
      at: at(10),
      acceptedAfterSeconds: 1,
      replied: true,
      isTest: true,
      leadStatus: "contacted",
    });
    expect(isSetupTestPhone(test.lead.phone)).toBe(true);

    const page = await (await listLeads(authedRequest("/api/leads", { cookie }), noContext)).json();
    expect(page.leads.map((lead: { id: string }) => lead.id)).toEqual([customer.lead.id]);
    expect(page.counts).toEqual({ new: 0, contacted: 0, qualified: 0, won: 1, lost: 0 });

    const csv = await (await exportCsv(authedRequest("/api/leads/export.csv", { cookie }), noContext)).text();
    expect(csv).toContain(customer.lead.id);
    expect(csv).not.toContain(test.lead.id);
    expect(csv.trim().split("\r\n")).toHaveLength(2); // header + the customer

    // Now the same lead marked won with a value: still no revenue, no won lead.
    await db.lead.update({
      where: { id: test.lead.id },
      data: { status: "won", valueCents: 99_900, closedAt: at(11) },
    });
    const report = await getMetrics({ businessId: business.id, period: week });
    const m = report.metrics;
    expect(m.converted).toMatchObject({ leads: 1, won: 1 });
    expect(m.revenueWonBack).toEqual({ cents: 20_000, leadsWon: 1 });
    expect(m.captureRate).toMatchObject({ missed: 1, textable: 1, captured: 1 });
    expect(m.conversion).toMatchObject({ autoTexted: 1, replied: 1 });
    expect(report.funnel.map((stage) => stage.count)).toEqual([1, 1, 1, 1, 1]);
    expect(report.uncapturedCalls).toEqual([]);
    const friday = report.daily.find((point) => point.day === day);
    expect(friday).toMatchObject({ missed: 1, captured: 1, revenueCents: 20_000, leadsWon: 1, leadsContacted: 0 });
    expect(m.converted.byStatus).toEqual({ new: 0, contacted: 0, qualified: 0, won: 1, lost: 0 });
  });
});
