// Reading and folding the dashboard's rollups (MetricFact, MetricDelta, MetricDaily in prisma/schema.prisma; the
// facts themselves and the triggers that keep them are defined in the metric_rollups migration).
//
// A period [from, to) is read in one statement, so in one snapshot: the whole local days inside it from
// MetricDaily plus the deltas not folded yet, and the ragged ends (an instant period, or the previous period when
// a DST switch makes it start mid-day) straight from MetricFact. Facts = daily rows + deltas at every instant, so
// the sum is exact whatever the fold job is doing.
import { sql } from "kysely";
import { sqlDb } from "@/lib/db/kysely";
import { runTransaction } from "@/lib/db/run-transaction";
import { addDays, zonedDay, zonedDayStart } from "@/lib/metrics/zoned-time";

export const metricKinds = [
  "call",
  "latency",
  "lead",
  "revenue",
  "texted",
  "funnel_replied",
  "funnel_qualified",
  "funnel_won",
] as const;
export type MetricKind = (typeof metricKinds)[number];
const funnelKinds: MetricKind[] = ["funnel_replied", "funnel_qualified", "funnel_won"];

/** Facts of one kind summed per dimension and local day. `isFirst`: the lead reached this funnel stage for the
 *  first time in the period (its previous call at that stage was before the period), so it counts once. */
export type FactSum = {
  kind: MetricKind;
  dim: string;
  num: number;
  day: string;
  isFirst: boolean;
  n: number;
  cents: number;
};

type Range = { from: Date; to: Date; timeZone: string };

/** The whole local days inside [from, to): [startDay, endDay) starting at `start` and ending at `end`, or null. */
export function wholeDays({ from, to, timeZone }: Range) {
  const fromDay = zonedDay(from, timeZone);
  const startDay = zonedDayStart(fromDay, timeZone).getTime() === from.getTime() ? fromDay : addDays(fromDay, 1);
  const endDay = zonedDay(to, timeZone);
  if (!(startDay < endDay)) return null;
  return { startDay, endDay, start: zonedDayStart(startDay, timeZone), end: zonedDayStart(endDay, timeZone) };
}

function localDay(column: "at" | "at2", timeZone: string) {
  return sql<string>`to_char((${sql.ref(column)} AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone}, 'YYYY-MM-DD')`;
}

async function readOnce(
  businessId: string,
  range: Range,
  kinds: readonly MetricKind[],
  useDaily: boolean,
): Promise<{ rows: FactSum[]; currentTimeZone: string | null }> {
  const db = sqlDb();
  const { from, to, timeZone } = range;
  const days = useDaily ? wholeDays(range) : null;
  const inKinds = [...kinds];
  const isFirst = sql<boolean>`(at2 IS NULL OR at2 < ${from})`;
  // The ragged ends come from the facts; with no whole day, the facts cover it all.
  const edges = days
    ? [
        { from, to: days.start },
        { from: days.end, to },
      ].filter((edge) => edge.from < edge.to)
    : [{ from, to }];
  let query = db
    .selectFrom("MetricFact")
    .select([
      "kind",
      "dim",
      "num",
      localDay("at", timeZone).as("day"),
      isFirst.as("isFirst"),
      sql<string>`1`.as("n"),
      "cents",
    ])
    .where("businessId", "=", businessId)
    .where("kind", "in", inKinds)
    .where((eb) => eb.or(edges.map((edge) => eb.and([eb("at", ">=", edge.from), eb("at", "<", edge.to)]))));
  if (days) {
    query = query
      .unionAll(
        db
          .selectFrom("MetricDaily")
          .select([
            "kind",
            "dim",
            "num",
            sql<string>`to_char(day, 'YYYY-MM-DD')`.as("day"),
            // day-aligned start: "before the period" is "before its first day"
            sql<boolean>`(day2 = '' OR day2 < ${days.startDay})`.as("isFirst"),
            sql<string>`n::bigint`.as("n"),
            "cents",
          ])
          .where("businessId", "=", businessId)
          .where("timezone", "=", timeZone)
          .where("day", ">=", sql<Date>`${days.startDay}::date`)
          .where("day", "<", sql<Date>`${days.endDay}::date`)
          .where("kind", "in", inKinds),
      )
      .unionAll(
        db
          .selectFrom("MetricDelta")
          .select([
            "kind",
            "dim",
            "num",
            localDay("at", timeZone).as("day"),
            isFirst.as("isFirst"),
            sql<string>`n::bigint`.as("n"),
            "cents",
          ])
          .where("businessId", "=", businessId)
          .where("kind", "in", inKinds)
          .where("at", ">=", days.start)
          .where("at", "<", days.end),
      );
  }
  const [rows, business] = await Promise.all([
    db
      .selectFrom(query.as("x"))
      .select([
        "x.kind",
        "x.dim",
        sql<number>`x.num::float8`.as("num"),
        "x.day",
        "x.isFirst",
        sql<number>`sum(x.n)::float8`.as("n"),
        sql<number>`sum(x.cents)::float8`.as("cents"),
      ])
      .groupBy(["x.kind", "x.dim", "x.num", "x.day", "x.isFirst"])
      .execute(),
    // The daily rows are in the timezone they were built in: a change since the period was resolved is noticed.
    days
      ? db.selectFrom("Business").select("timezone").where("id", "=", businessId).executeTakeFirst()
      : Promise.resolve(undefined),
  ]);
  return {
    rows: rows.map((row) => ({ ...row, kind: row.kind as MetricKind })).filter((row) => row.n !== 0 || row.cents !== 0),
    currentTimeZone: business?.timezone ?? null,
  };
}

/**
 * The facts of `kinds` in [from, to), summed per kind, dimension and local day of `timeZone`.
 * Funnel stages count a lead once per period: when the period starts mid-day they are read from the facts alone.
 */
export async function readPeriodFacts({
  businessId,
  range,
  kinds = metricKinds,
}: {
  businessId: string;
  range: Range;
  kinds?: readonly MetricKind[];
}): Promise<FactSum[]> {
  const startsOnDay =
    zonedDayStart(zonedDay(range.from, range.timeZone), range.timeZone).getTime() === range.from.getTime();
  const dailyKinds = startsOnDay ? kinds : kinds.filter((kind) => !funnelKinds.includes(kind));
  const factKinds = kinds.filter((kind) => !dailyKinds.includes(kind));
  const rows: FactSum[] = [];
  if (dailyKinds.length > 0) {
    const read = await readOnce(businessId, range, dailyKinds, true);
    // Sequential reads could straddle a timezone change: then the facts alone answer (exact, only slower).
    const exact =
      read.currentTimeZone === null || read.currentTimeZone === range.timeZone
        ? read
        : await readOnce(businessId, range, dailyKinds, false);
    rows.push(...exact.rows);
  }
  if (factKinds.length > 0) rows.push(...(await readOnce(businessId, range, factKinds, false)).rows);
  return rows;
}

/** Σ n (or Σ cents) of the rows matching `pick`. */
export function sumFacts(rows: FactSum[], pick: (row: FactSum) => boolean, field: "n" | "cents" = "n"): number {
  let total = 0;
  for (const row of rows) if (pick(row)) total += row[field];
  return total;
}

/** percentile_cont over a distribution of (value, count), as PostgreSQL computes it. */
export function percentileCont(distribution: { value: number; count: number }[], fraction: number): number | null {
  const sorted = distribution.filter((entry) => entry.count > 0).sort((a, b) => a.value - b.value);
  const total = sorted.reduce((sum, entry) => sum + entry.count, 0);
  if (total === 0) return null;
  const position = fraction * (total - 1);
  const lowerRank = Math.floor(position);
  const upperRank = Math.ceil(position);
  const valueAt = (rank: number) => {
    let seen = 0;
    for (const entry of sorted) {
      seen += entry.count;
      if (rank < seen) return entry.value;
    }
    return sorted.at(-1)!.value;
  };
  const lower = valueAt(lowerRank);
  const upper = valueAt(upperRank);
  return lower + (upper - lower) * (position - lowerRank);
}

/**
 * How many of a distribution's (value, count) fall in each bucket: a bucket holds the values from the previous
 * bucket's `max` (included) up to its own (excluded), the last one (`max: null`) everything above. `unit` scales the
 * buckets' maxima to the values' unit (1000: buckets in seconds over values in ms).
 */
export function bucketCounts(
  buckets: readonly { label: string; max: number | null }[],
  distribution: { value: number; count: number }[],
  unit = 1,
): { label: string; count: number }[] {
  return buckets.map((bucket, index) => {
    const min = index === 0 ? -Infinity : buckets[index - 1]!.max! * unit;
    const max = bucket.max === null ? Infinity : bucket.max * unit;
    let count = 0;
    for (const entry of distribution) if (entry.value >= min && entry.value < max) count += entry.count;
    return { label: bucket.label, count };
  });
}

/**
 * Folds the deltas of every business into its daily rows (the hourly `prune-housekeeping` job; safe to run anywhere
 * at any time). Per business: hold its row FOR SHARE (a timezone change waits, and rebuilds after), then
 * move the deltas in one statement, so no delta is counted twice or lost.
 */
export async function compactMetricRollups(): Promise<{ businesses: number; deltas: number }> {
  const db = sqlDb();
  // Rollups of businesses that no longer exist (their rows' triggers wrote the last deltas).
  await db
    .deleteFrom("MetricDelta")
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom("Business").select("Business.id").whereRef("Business.id", "=", "MetricDelta.businessId"))),
    )
    .execute();
  await db
    .deleteFrom("MetricDaily")
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom("Business").select("Business.id").whereRef("Business.id", "=", "MetricDaily.businessId"))),
    )
    .execute();
  const pending = await db.selectFrom("MetricDelta").select("businessId").distinct().execute();
  let moved = 0;
  for (const { businessId } of pending) moved += await compactBusiness(businessId);
  return { businesses: pending.length, deltas: moved };
}

export async function compactBusiness(businessId: string): Promise<number> {
  return runTransaction(
    async (tx) => {
      const business = await tx
        .selectFrom("Business")
        .select("timezone")
        .where("id", "=", businessId)
        .forShare()
        .executeTakeFirst();
      if (!business) return 0;
      const tz = business.timezone;
      const result = await sql<{ moved: number }>`
        WITH moved AS (
          DELETE FROM "MetricDelta" WHERE "businessId" = ${businessId}
          RETURNING at, at2, kind, dim, num, n, cents
        ), folded AS (
          INSERT INTO "MetricDaily" ("businessId", timezone, day, kind, dim, num, day2, n, cents)
          SELECT ${businessId}, ${tz}, ((at AT TIME ZONE 'UTC') AT TIME ZONE ${tz})::date, kind, dim, num,
            coalesce(to_char((at2 AT TIME ZONE 'UTC') AT TIME ZONE ${tz}, 'YYYY-MM-DD'), ''), sum(n), sum(cents)
          FROM moved GROUP BY 3, 4, 5, 6, 7
          ON CONFLICT ("businessId", timezone, day, kind, dim, num, day2)
          DO UPDATE SET n = "MetricDaily".n + excluded.n, cents = "MetricDaily".cents + excluded.cents
        )
        SELECT count(*)::int AS moved FROM moved`.execute(tx);
      await tx
        .deleteFrom("MetricDaily")
        .where("businessId", "=", businessId)
        .where("n", "=", 0)
        .where("cents", "=", "0")
        .execute();
      return result.rows[0]?.moved ?? 0;
    },
    { jobs: false },
  );
}
