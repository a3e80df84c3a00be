// The rollups are exact: over randomised calls, leads and threads (created, changed, moved, deleted across days,
// DST switches and half- and quarter-hour timezones, folded by the job at random moments, with a timezone change
// in the middle), every figure of getMetrics equals a full recount from the rows, for day periods, instant periods
// and the period before. The facts the triggers keep equal the facts defined on the rows, and facts = daily rows
// + deltas.
import { randomUUID } from "node:crypto";
import type { CallSkipReason, LeadStatus } from "@prisma/client";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { sqlDb } from "@/lib/db/kysely";
import { getMetrics } from "@/lib/metrics/get-metrics";
import { resolveMetricPeriod, type MetricPeriod } from "@/lib/metrics/metric-period";
import { compactMetricRollups } from "@/lib/metrics/rollup";
import { newSetupTestCaller } from "@/lib/setup-test/test-caller";
import { recountMetrics } from "@/test/helpers/metrics-recount";
import { createTestBusiness, randomPhone } from "@/test/helpers/business";

/** A small seeded generator (mulberry32), so a failure names the seed that reproduces it. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (max: number) => Math.floor(next() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const chance = (p: number) => next() < p;
  return { int, pick, chance };
}

// 2026-02-25 … 2026-03-20: the US DST switch (03-08) inside; instants spread over it to the millisecond.
const origin = Date.parse("2026-02-25T00:00:00Z");
const span = 24 * 86_400_000;
const statuses: LeadStatus[] = ["new", "contacted", "qualified", "won", "lost"];
const skipReasons: (CallSkipReason | null)[] = [
  null,
  null,
  null,
  null,
  "repeat_caller",
  "opted_out",
  "anonymous",
  "landline",
];

async function factsMatchRows() {
  const k = sqlDb();
  const differences = await sql<{ side: string; count: number }>`
    WITH defined AS (
      SELECT business_id, 'call:' || owner_id AS owner, kind, at, at2, dim, num, cents FROM "metric_call_facts"
      UNION ALL SELECT business_id, 'lead:' || owner_id, kind, at, at2, dim, num, cents FROM "metric_lead_facts"
      UNION ALL SELECT business_id, 'thread:' || owner_id, kind, at, at2, dim, num, cents FROM "metric_thread_facts"
    ), kept AS (SELECT "businessId", owner, kind, at, at2, dim, num, cents FROM "MetricFact")
    SELECT 'missing' AS side, count(*)::int AS count FROM (SELECT * FROM defined EXCEPT ALL SELECT * FROM kept) a
    UNION ALL
    SELECT 'extra', count(*)::int FROM (SELECT * FROM kept EXCEPT ALL SELECT * FROM defined) b`.execute(k);
  expect(Object.fromEntries(differences.rows.map((row) => [row.side, row.count]))).toEqual({ missing: 0, extra: 0 });
}

async function dailyPlusDeltasEqualFacts(businessId: string) {
  const k = sqlDb();
  const mismatches = await sql<{ count: number }>`
    WITH tz AS (SELECT timezone FROM "Business" WHERE id = ${businessId}),
    facts AS (
      SELECT ((at AT TIME ZONE 'UTC') AT TIME ZONE (SELECT timezone FROM tz))::date AS day, kind, dim, num,
        coalesce(to_char((at2 AT TIME ZONE 'UTC') AT TIME ZONE (SELECT timezone FROM tz), 'YYYY-MM-DD'), '') AS day2,
        count(*) AS n, sum(cents) AS cents
      FROM "MetricFact" WHERE "businessId" = ${businessId} GROUP BY 1, 2, 3, 4, 5
    ), kept AS (
      SELECT day, kind, dim, num, day2, sum(n) AS n, sum(cents) AS cents FROM (
        SELECT day, kind, dim, num, day2, n, cents FROM "MetricDaily"
        WHERE "businessId" = ${businessId} AND timezone = (SELECT timezone FROM tz)
        UNION ALL
        SELECT ((at AT TIME ZONE 'UTC') AT TIME ZONE (SELECT timezone FROM tz))::date, kind, dim, num,
          coalesce(to_char((at2 AT TIME ZONE 'UTC') AT TIME ZONE (SELECT timezone FROM tz), 'YYYY-MM-DD'), ''), n, cents
        FROM "MetricDelta" WHERE "businessId" = ${businessId}
      ) x GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0 OR sum(cents) <> 0
    )
    SELECT count(*)::int AS count FROM ((SELECT * FROM facts EXCEPT SELECT * FROM kept) UNION ALL
      (SELECT * FROM kept EXCEPT SELECT * FROM facts)) d`.execute(k);
  expect(mismatches.rows[0]?.count).toBe(0);
}

async function expectSameFigures(businessId: string, period: MetricPeriod, label: string) {
  const report = await getMetrics({ businessId, period });
  const recount = await recountMetrics(businessId, period);
  const m = report.metrics;
  const where = `${label} ${period.from.toISOString()}…${period.to.toISOString()} ${period.timeZone}`;
  expect(
    {
      missed: m.captureRate.missed,
      textable: m.captureRate.textable,
      captured: m.captureRate.captured,
      repeats: m.captureRate.repeatCalls,
      excluded: m.captureRate.excludedByReason,
      autoTexted: m.conversion.autoTexted,
      replied: m.conversion.replied,
      byStatus: m.converted.byStatus,
      revenueCents: m.revenueWonBack.cents,
      revenueLeads: m.revenueWonBack.leadsWon,
      funnel: report.funnel.map((stage) => stage.count),
      daily: report.daily,
    },
    where,
  ).toEqual({
    missed: recount.calls.missed,
    textable: recount.calls.textable,
    captured: recount.calls.captured,
    repeats: recount.calls.repeats,
    excluded: recount.excluded,
    autoTexted: recount.conversion.texted,
    replied: recount.conversion.replied,
    byStatus: recount.current,
    revenueCents: recount.revenue.cents,
    revenueLeads: recount.revenue.won,
    funnel: [
      recount.funnel.missed,
      recount.funnel.texted,
      recount.funnel.replied,
      recount.funnel.qualified,
      recount.funnel.won,
    ],
    daily: recount.daily,
  });
  const previousTotal = Object.values(recount.previous).reduce((sum, count) => sum + count, 0);
  expect(m.converted.previousValue, where).toBe(previousTotal > 0 ? recount.previous.won! / previousTotal : null);
  const close = (actual: number | null, expected: number | null) =>
    expected === null ? expect(actual, where).toBeNull() : expect(actual, where).toBeCloseTo(expected, 6);
  close(m.responseTime.p50Seconds, recount.calls.p50);
  close(m.responseTime.p95Seconds, recount.calls.p95);
  const histogram = report.responseHistogram.map((bucket) => bucket.count);
  const limits = [1, 2, 5, 10, 30, 60, Infinity];
  expect(histogram, where).toEqual(
    limits.map(
      (max, index) =>
        recount.latencies.filter((seconds) => seconds < max && (index === 0 || seconds >= limits[index - 1]!)).length,
    ),
  );
}

type World = { businessId: string; leads: string[]; threads: string[]; calls: string[] };

async function randomStep(world: World, random: ReturnType<typeof generator>) {
  const at = () => new Date(origin + random.int(span));
  const roll = random.int(100);
  if (roll < 35 || world.leads.length === 0) {
    // A missed call: its lead (new or a caller again), maybe a thread, texted or not, replied or not.
    const isTest = random.chance(0.08);
    const existing = !isTest && world.leads.length > 0 && random.chance(0.3) ? random.pick(world.leads) : null;
    const callAt = at();
    const leadId =
      existing ??
      (
        await db.lead.create({
          data: {
            businessId: world.businessId,
            phone: isTest ? newSetupTestCaller() : `${randomPhone()}${randomUUID().slice(0, 4)}`,
            status: random.pick(statuses),
            source: random.chance(0.8) ? "call" : "text",
            valueCents: random.chance(0.5) ? 100 * (1 + random.int(900)) : null,
            closedAt: random.chance(0.4) ? at() : null,
            qualifiedAt: random.chance(0.3) ? at() : null,
            createdAt: callAt,
          },
        })
      ).id;
    if (!existing) world.leads.push(leadId);
    const accepted = random.chance(0.7) ? new Date(callAt.getTime() + random.int(90_000)) : null;
    const thread = random.chance(0.9)
      ? await db.thread.create({
          data: {
            businessId: world.businessId,
            leadId,
            autoTextedAt: accepted,
            firstCustomerReplyAt:
              accepted && random.chance(0.6) ? new Date(accepted.getTime() + random.int(3_600_000)) : null,
            createdAt: callAt,
          },
        })
      : null;
    if (thread) world.threads.push(thread.id);
    const call = await db.call.create({
      data: {
        businessId: world.businessId,
        leadId: random.chance(0.95) ? leadId : null,
        threadId: thread?.id ?? (world.threads.length > 0 && random.chance(0.2) ? random.pick(world.threads) : null),
        callSid: `CA${randomUUID().replaceAll("-", "")}`,
        fromNumber: "+16175550100",
        toNumber: "+15005550006",
        isMissed: random.chance(0.85) ? true : random.chance(0.5) ? false : null,
        isTest,
        skipReason: random.pick(skipReasons),
        detectedAt: random.chance(0.95) ? callAt : null,
        smsAcceptedAt: accepted,
        createdAt: callAt,
      },
    });
    world.calls.push(call.id);
  } else if (roll < 55) {
    const id = random.pick(world.leads);
    const status = random.pick(statuses);
    await db.lead.update({
      where: { id },
      data: {
        status,
        statusChangedAt: at(),
        ...(random.chance(0.5) ? { closedAt: status === "won" || status === "lost" ? at() : null } : {}),
        ...(random.chance(0.3) ? { valueCents: random.chance(0.8) ? 100 * random.int(2000) : null } : {}),
        ...(random.chance(0.2) ? { qualifiedAt: random.chance(0.5) ? at() : null } : {}),
        ...(random.chance(0.1) ? { source: random.chance(0.5) ? "call" : "text" } : {}),
        ...(random.chance(0.05) ? { createdAt: at() } : {}),
      },
    });
  } else if (roll < 70 && world.threads.length > 0) {
    const id = random.pick(world.threads);
    await db.thread.update({
      where: { id },
      data: random.chance(0.5)
        ? { firstCustomerReplyAt: random.chance(0.7) ? at() : null, lastMessageAt: at() }
        : { autoTextedAt: random.chance(0.8) ? at() : null },
    });
  } else if (roll < 85 && world.calls.length > 0) {
    const id = random.pick(world.calls);
    const change = random.int(5);
    await db.call.update({
      where: { id },
      data:
        change === 0
          ? { smsAcceptedAt: random.chance(0.7) ? at() : null }
          : change === 1
            ? { skipReason: random.pick(skipReasons) }
            : change === 2
              ? { leadId: random.pick(world.leads) }
              : change === 3
                ? { threadId: world.threads.length > 0 && random.chance(0.8) ? random.pick(world.threads) : null }
                : { isTest: random.chance(0.3), status: "completed" },
    });
  } else if (roll < 90 && world.calls.length > 0) {
    const id = world.calls.splice(random.int(world.calls.length), 1)[0]!;
    await db.call.delete({ where: { id } });
  } else if (roll < 93 && world.threads.length > 0) {
    const id = world.threads.splice(random.int(world.threads.length), 1)[0]!;
    await db.thread.delete({ where: { id } });
  } else if (roll < 95) {
    const id = world.leads.splice(random.int(world.leads.length), 1)[0]!;
    // Its threads go with it; its calls stay, without a lead.
    const gone = await db.thread.findMany({ where: { leadId: id }, select: { id: true } });
    world.threads = world.threads.filter((thread) => !gone.some((g) => g.id === thread));
    await db.lead.delete({ where: { id } });
  } else {
    await compactMetricRollups();
  }
}

async function checkPeriods(businessId: string, random: ReturnType<typeof generator>) {
  const business = await db.business.findUniqueOrThrow({ where: { id: businessId }, select: { timezone: true } });
  const tz = business.timezone;
  await expectSameFigures(businessId, resolveMetricPeriod({ from: "2026-03-05", to: "2026-03-11" }, tz), "DST week");
  const allDays = resolveMetricPeriod({ from: "2026-02-25", to: "2026-03-20" }, tz);
  await expectSameFigures(businessId, allDays, "all days");
  // Not vacuous: the random data reaches the figures.
  const all = await recountMetrics(businessId, allDays);
  expect(all.calls.captured * all.funnel.replied * all.conversion.replied * all.current.won!).toBeGreaterThan(0);
  await expectSameFigures(businessId, resolveMetricPeriod({ from: "2026-03-08", to: "2026-03-08" }, tz), "DST day");
  for (let index = 0; index < 3; index++) {
    // Instant periods: ragged ends on both sides (and sometimes no whole day at all).
    const start = origin + random.int(span);
    const end = start + 1 + random.int(random.chance(0.3) ? 30 * 3_600_000 : 10 * 86_400_000);
    await expectSameFigures(
      businessId,
      resolveMetricPeriod({ from: new Date(start).toISOString(), to: new Date(end).toISOString() }, tz),
      "instants",
    );
  }
}

describe("metric rollups", () => {
  for (const [seed, timezones] of [
    [1, ["America/New_York", "America/St_Johns"]],
    [2, ["Asia/Kathmandu", "America/Los_Angeles"]],
    [3, ["UTC", "Australia/Adelaide"]],
  ] as const) {
    it(`equal a full recount over randomised data (seed ${seed}: ${timezones.join(" → ")})`, async () => {
      const random = generator(seed);
      const { business } = await createTestBusiness({ timezone: timezones[0] });
      const world: World = { businessId: business.id, leads: [], threads: [], calls: [] };
      for (let step = 0; step < 120; step++) await randomStep(world, random);
      await factsMatchRows();
      await dailyPlusDeltasEqualFacts(business.id);
      await checkPeriods(business.id, random);

      // The timezone changes: the daily rows are rebuilt in it, and everything still adds up.
      await db.business.update({ where: { id: business.id }, data: { timezone: timezones[1] } });
      await dailyPlusDeltasEqualFacts(business.id);
      for (let step = 0; step < 60; step++) await randomStep(world, random);
      await compactMetricRollups();
      for (let step = 0; step < 20; step++) await randomStep(world, random);
      await factsMatchRows();
      await dailyPlusDeltasEqualFacts(business.id);
      await checkPeriods(business.id, random);
    }, 180_000);
  }

  it("keep a row's facts once when one statement inserts a captured call and its lead (won), in either order", async () => {
    // When the call's trigger comes first, it refreshes the lead (its funnel) before the lead's own INSERT trigger:
    // that one must not write the facts a second time. Which row a statement writes first is PostgreSQL's choice,
    // so both orders of the two writes are tried.
    const { business } = await createTestBusiness();
    for (const callFirst of [true, false]) {
      const leadId = randomUUID();
      const at = new Date();
      const call = sql`
        INSERT INTO "Call" (id, "businessId", "callSid", "fromNumber", "toNumber", "isMissed", "detectedAt",
          "smsAcceptedAt", "leadId", "updatedAt")
        VALUES (${randomUUID()}, ${business.id}, ${`CA${randomUUID().replaceAll("-", "")}`}, ${randomPhone()},
          ${randomPhone()}, true, ${at}, ${at}, ${leadId}, ${at})`;
      const lead = sql`
        INSERT INTO "Lead" (id, "businessId", phone, status, "closedAt", "valueCents", "updatedAt")
        VALUES (${leadId}, ${business.id}, ${randomPhone()}, 'won', ${at}, 12000, ${at})`;
      const [first, second] = callFirst ? [call, lead] : [lead, call];
      await sql`WITH first AS (${first}), second AS (${second}) SELECT 1`.execute(sqlDb());
      const kept = await sql<{ kind: string }>`
        SELECT kind FROM "MetricFact" WHERE owner = ${`lead:${leadId}`} ORDER BY kind`.execute(sqlDb());
      expect(kept.rows.map((row) => row.kind)).toEqual(["funnel_won", "lead", "revenue"]);
    }
    await factsMatchRows();
    await dailyPlusDeltasEqualFacts(business.id);
  });
});
