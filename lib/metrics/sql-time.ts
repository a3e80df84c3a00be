// SQL fragments for times: columns are UTC `timestamp(3)`; local days are taken in the business timezone.
import { Prisma } from "@prisma/client";

/** A UTC instant as a `timestamp` parameter (the ISO zone suffix is dropped, the value is already UTC). */
export function sqlInstant(instant: Date): Prisma.Sql {
  return Prisma.sql`${instant.toISOString()}::timestamp`;
}

/** The local calendar day of a UTC timestamp column: DST-safe because PostgreSQL applies the zone per row. */
export function sqlLocalDay(column: Prisma.Sql, timeZone: string): Prisma.Sql {
  return Prisma.sql`((${column} AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone})::date`;
}

export function toNumberOrNull(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}

export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}
