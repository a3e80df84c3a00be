"use client";
// A moment as people at the business read it: in the business's time zone, plus the zone ("10:13 PM EST") when this
// device's clock is elsewhere, so the same call never reads 3:13 AM on one page and 10:13 PM on another.
import { useDeviceTimeZone, useDisplay } from "@/components/display/display-context";
import { formatInZone, utcOffsetAt, zoneAbbreviation, type TimeStyle } from "@/components/display/format-time";

export function BusinessTime({
  value,
  style = "dateTime",
  className,
}: {
  value: Date | string;
  style?: TimeStyle;
  className?: string;
}) {
  const { timeZone } = useDisplay();
  const deviceZone = useDeviceTimeZone();
  const date = new Date(value);
  const showsZone =
    style !== "date" &&
    style !== "dayMonth" &&
    deviceZone &&
    utcOffsetAt(date, deviceZone) !== utcOffsetAt(date, timeZone);
  return (
    <time dateTime={date.toISOString()} className={className} data-testid="business-time">
      {formatInZone(date, timeZone, style)}
      {showsZone ? ` ${zoneAbbreviation(date, timeZone)}` : ""}
    </time>
  );
}
