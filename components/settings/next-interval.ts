// What "+ Add hours" adds to a day: the stretch right after the day's last interval (up to four hours, never past
// 23:59), or, when the day already runs to 23:59, the stretch before its first interval. Null when there is no
// half hour left on either side: the day is full, and an interval like 23:59–23:59 is never offered.
import type { BusinessHours } from "@/lib/business/business-hours";

type Interval = BusinessHours["mon"][number];

const LAST_MINUTE = 23 * 60 + 59;
const MIN_MINUTES = 30;
const DEFAULT_MINUTES = 4 * 60;

const toMinutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const toTime = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

export function nextInterval(intervals: Interval[]): Interval | null {
  if (intervals.length === 0) return { open: "08:00", close: "17:00" };
  const valid = intervals.filter((interval) => /^\d\d:\d\d$/.test(interval.open) && /^\d\d:\d\d$/.test(interval.close));
  if (valid.length === 0) return null;
  const latestClose = Math.min(Math.max(...valid.map((interval) => toMinutes(interval.close))), LAST_MINUTE);
  if (LAST_MINUTE - latestClose >= MIN_MINUTES) {
    return { open: toTime(latestClose), close: toTime(Math.min(latestClose + DEFAULT_MINUTES, LAST_MINUTE)) };
  }
  const earliestOpen = Math.min(...valid.map((interval) => toMinutes(interval.open)));
  if (earliestOpen >= MIN_MINUTES) {
    return { open: toTime(Math.max(earliestOpen - DEFAULT_MINUTES, 0)), close: toTime(earliestOpen) };
  }
  return null;
}
