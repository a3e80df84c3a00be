// Dates as Twilio's 2010-04-01 API writes them (RFC 2822 in UTC: "Mon, 30 Nov 2026 08:09:18 +0000") and reads them
// in list filters (`StartTime`, `DateSent`: a day `YYYY-MM-DD` in UTC, or an ISO 8601 date and time as the twilio
// SDK sends them).

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const pad = (value: number) => String(value).padStart(2, "0");

export function rfc2822(date: Date | null | undefined): string | null {
  if (!date) return null;
  return (
    `${DAYS[date.getUTCDay()]}, ${pad(date.getUTCDate())} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`
  );
}

export type FilterDate = { at: Date; isDay: boolean };

/** A filter's value: a UTC day or an instant; null when it is neither (Twilio answers 400). */
export function parseFilterDate(value: string): FilterDate | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const at = new Date(`${value}T00:00:00Z`);
    return Number.isNaN(at.getTime()) ? null : { at, isDay: true };
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value)) return null;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : { at, isDay: false };
}

const DAY_MS = 86_400_000;
const dayOf = (date: Date) => Math.floor(date.getTime() / DAY_MS);

/**
 * Twilio's three forms of a date filter. `Name>` (sent as `Name>=…` too: the `=` is the query's own) is on or
 * after, `Name<` on or before, `Name` the same UTC day. A record without the date (a message not sent yet) never
 * matches a date filter.
 */
export function matchesDateFilters(
  date: Date | null,
  filters: { on: FilterDate | null; after: FilterDate | null; before: FilterDate | null },
): boolean {
  if (!filters.on && !filters.after && !filters.before) return true;
  if (!date) return false;
  if (filters.on && dayOf(date) !== dayOf(filters.on.at)) return false;
  if (filters.after && date.getTime() < filters.after.at.getTime()) return false;
  if (filters.before && date.getTime() > filters.before.at.getTime()) return false;
  return true;
}

/** Reads `Name`, `Name>` and `Name<` from a query; `invalid` names the first that is not a date. */
export function readDateFilters(query: URLSearchParams, name: string) {
  const read = (key: string) => {
    const value = query.get(key);
    if (value === null) return { value: null, isInvalid: false };
    const parsed = parseFilterDate(value);
    return { value: parsed, isInvalid: parsed === null };
  };
  const on = read(name);
  const after = read(`${name}>`);
  const before = read(`${name}<`);
  const invalid = [
    [name, on],
    [`${name}>`, after],
    [`${name}<`, before],
  ].find(([, parsed]) => (parsed as { isInvalid: boolean }).isInvalid)?.[0] as string | undefined;
  return { filters: { on: on.value, after: after.value, before: before.value }, invalid };
}
