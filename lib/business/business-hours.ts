// Weekly business hours in the business's timezone, and the question "is it open right now?" (DST-safe:
// local wall-clock time is computed with Intl for the instant, never by adding offsets by hand).
import { z } from "zod";

export const weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof weekdays)[number];

const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, "Use HH:MM (24-hour).");

export const intervalSchema = z
  .object({ open: timeOfDay, close: timeOfDay })
  .refine((interval) => interval.open < interval.close, { message: "Opening time must be before closing time." });

export const businessHoursSchema = z.object(
  Object.fromEntries(weekdays.map((day) => [day, z.array(intervalSchema).max(6)])) as Record<
    Weekday,
    z.ZodArray<typeof intervalSchema>
  >,
);

export type BusinessHours = z.infer<typeof businessHoursSchema>;

export const defaultBusinessHours: BusinessHours = {
  mon: [{ open: "08:00", close: "17:00" }],
  tue: [{ open: "08:00", close: "17:00" }],
  wed: [{ open: "08:00", close: "17:00" }],
  thu: [{ open: "08:00", close: "17:00" }],
  fri: [{ open: "08:00", close: "17:00" }],
  sat: [],
  sun: [],
};

/** The weekday and "HH:MM" wall-clock time at `instant` in `timeZone`. */
export function localTime(instant: Date, timeZone: string): { weekday: Weekday; time: string; hour: number } {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(instant);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? "";
  const weekday = get("weekday").toLowerCase().slice(0, 3) as Weekday;
  const hour = Number(get("hour"));
  return { weekday, time: `${String(hour).padStart(2, "0")}:${get("minute")}`, hour };
}

export function isWithinBusinessHours({
  hours,
  timeZone,
  at = new Date(),
}: {
  hours: BusinessHours;
  timeZone: string;
  at?: Date;
}): boolean {
  const { weekday, time } = localTime(at, timeZone);
  return (hours[weekday] ?? []).some((interval) => time >= interval.open && time < interval.close);
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}
