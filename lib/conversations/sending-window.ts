// Quiet hours for texts the customer did not ask for (the follow-up): only 8:00–20:00 where the customer is.
import { localTime } from "@/lib/business/business-hours";

const OPENS = 8;
const CLOSES = 20;
const HORIZON_SECONDS = 48 * 3600;

/** Seconds until 8:00 local time when `at` is outside 8:00–20:00 in `timeZone`; 0 when it is inside. */
export function secondsUntilLocalWindow(at: Date, timeZone: string): number {
  const { hour, time } = localTime(at, timeZone);
  if (hour >= OPENS && hour < CLOSES) return 0;
  const minutesNow = hour * 60 + Number(time.slice(3));
  const minutesUntil = hour >= CLOSES ? 24 * 60 - minutesNow + OPENS * 60 : OPENS * 60 - minutesNow;
  return minutesUntil * 60;
}

/**
 * Seconds from `at` until a moment that is 8:00–20:00 in every one of `timeZones` (a number that may be in several
 * zones is texted only when it is daytime in all of them); null when no such moment comes within two days, as for a
 * non-geographic number spanning Guam to Newfoundland. Jumping zone by zone also absorbs a DST change on the way.
 */
export function secondsUntilSendingWindow(at: Date, timeZones: string[]): number | null {
  if (timeZones.length === 0) return null;
  let waited = 0;
  while (waited <= HORIZON_SECONDS) {
    const instant = new Date(at.getTime() + waited * 1000);
    const wait = Math.max(...timeZones.map((zone) => secondsUntilLocalWindow(instant, zone)));
    if (wait === 0) return waited;
    waited += wait;
  }
  return null;
}
