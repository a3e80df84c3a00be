// One time rule: every time is shown in the business's time zone (the zone its hours and reports use), with the
// zone's short name added when the device is elsewhere (see business-time.tsx). en-US everywhere, so the server's
// and the browser's text agree.
export type TimeStyle = "dateTime" | "date" | "time" | "dayMonth";

const options: Record<TimeStyle, Intl.DateTimeFormatOptions> = {
  dateTime: { month: "short", day: "numeric", year: "numeric", hour: "numeric", minute: "2-digit" },
  date: { month: "short", day: "numeric", year: "numeric" },
  time: { hour: "numeric", minute: "2-digit" },
  dayMonth: { month: "short", day: "numeric" },
};

export function formatInZone(value: Date | string, timeZone: string, style: TimeStyle = "dateTime"): string {
  // ICU versions differ on the space before AM/PM (U+202F in newer ones): one plain space, so Node's server render
  // and the browser's hydration produce the same text.
  return new Intl.DateTimeFormat("en-US", { ...options[style], timeZone })
    .format(new Date(value))
    .replace(/[\u202f\u00a0]/g, " ");
}

function zoneNamePart(date: Date, timeZone: string, timeZoneName: Intl.DateTimeFormatOptions["timeZoneName"]) {
  return (
    new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName })
      .formatToParts(date)
      .find((part) => part.type === "timeZoneName")?.value ?? timeZone
  );
}

/** "GMT-05:00": equal for two zones exactly when their clocks agree at that instant. */
export function utcOffsetAt(date: Date, timeZone: string): string {
  return zoneNamePart(date, timeZone, "longOffset");
}

/** "EST", "EDT", "GMT+1": what follows a time when the device is in another zone. */
export function zoneAbbreviation(date: Date, timeZone: string): string {
  return zoneNamePart(date, timeZone, "short");
}

/** "America/New_York" → "Eastern Time (New York)"; "Europe/Paris" → "Central European Time (Paris)". */
export function timeZoneLabel(timeZone: string, at: Date = new Date()): string {
  const city = timeZone.split("/").at(-1)!.replaceAll("_", " ");
  const name = zoneNamePart(at, timeZone, "longGeneric");
  if (timeZone === "UTC" || name === city) return name;
  return `${name} (${city})`;
}

/** A calendar day ("2026-11-05") as "Nov 5, 2026" or "Nov 5": the same in every zone. */
export function formatCalendarDay(day: string, style: "date" | "dayMonth" = "date"): string {
  return formatInZone(`${day}T12:00:00Z`, "UTC", style);
}
