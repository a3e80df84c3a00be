import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { seedDemo } from "@/lib/demo/seed-demo";
import { getMetrics } from "@/lib/metrics/get-metrics";
import { resolveMetricPeriod } from "@/lib/metrics/metric-period";
import { createTestBusiness } from "@/test/helpers/business";

describe("seedDemo", () => {
  it("fills ~4 weeks the dashboard can show, and a second run changes nothing", async () => {
    const { business } = await createTestBusiness();
    const first = await seedDemo({ businessId: business.id });
    expect(first.created).toBe(true);
    const counts = async () => ({
      calls: await db.call.count({ where: { businessId: business.id } }),
      leads: await db.lead.count({ where: { businessId: business.id } }),
      messages: await db.message.count({ where: { businessId: business.id } }),
    });
    const before = await counts();
    expect(before.calls).toBeGreaterThan(80);
    const statuses = await db.lead.groupBy({ by: ["status"], where: { businessId: business.id }, _count: true });
    expect(statuses.map((row) => row.status).sort()).toEqual(["contacted", "lost", "new", "qualified", "won"]);
    expect(await db.call.count({ where: { businessId: business.id, skipReason: { not: null } } })).toBeGreaterThan(0);

    expect((await seedDemo({ businessId: business.id })).created).toBe(false);
    expect(await counts()).toEqual(before);

    const report = await getMetrics({ businessId: business.id, period: resolveMetricPeriod({}, business.timezone) });
    expect(report.metrics.captureRate.value).toBeGreaterThan(0.7);
    expect(report.metrics.revenueWonBack.cents).toBeGreaterThan(0);
  });
});
