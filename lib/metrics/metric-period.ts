// The period a dashboard asks about: ISO dates (whole local days, `to` inclusive) or ISO instants.
// Default: the last 7 days including today, in the business's timezone.
import { z } from "zod";
import { addDays, zonedDay, zonedDayStart } from "@/lib/metrics/zoned-time";

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const isoInstant = z.iso.datetime({ offset: true });

export const metricPeriodQuerySchema = z.object({
  from: z.union([isoDay, isoInstant]).optional(),
  to: z.union([isoDay, isoInstant]).optional(),
});

export type MetricPeriod = { from: Date; to: Date; fromDay: string; toDay: string; timeZone: string };

const MAX_DAYS = 400;

export function resolveMetricPeriod(
  query: z.infer<typeof metricPeriodQuerySchema>,
  timeZone: string,
  now: Date = new Date(),
): MetricPeriod {
  const today = zonedDay(now, timeZone);
  const toDay = query.to
    ? isoDay.safeParse(query.to).success
      ? query.to
      : zonedDay(new Date(query.to), timeZone)
    : today;
  const fromDay = query.from
    ? isoDay.safeParse(query.from).success
      ? query.from
      : zonedDay(new Date(query.from), timeZone)
    : addDays(toDay, -6);
  const from =
    query.from && !isoDay.safeParse(query.from).success ? new Date(query.from) : zonedDayStart(fromDay, timeZone);
  const to =
    query.to && !isoDay.safeParse(query.to).success ? new Date(query.to) : zonedDayStart(addDays(toDay, 1), timeZone);
  if (!(from < to)) throw new RangeError("The start of the period must be before its end.");
  if (to.getTime() - from.getTime() > MAX_DAYS * 86_400_000)
    throw new RangeError(`The period is longer than ${MAX_DAYS} days.`);
  return { from, to, fromDay, toDay, timeZone };
}
