// The timezone choices, in words ("Eastern Time (New York)"), sorted by that label so a zone's cities sit together.
// Every zone the runtime knows, plus the saved one even if the runtime lacks it. Labelled on the server, so the
// browser's own time zone names can never make the hydrated options differ.
import { timeZoneLabel } from "@/components/display/format-time";

export type TimeZoneOption = { value: string; label: string };

export function timeZoneOptions(current: string): TimeZoneOption[] {
  const zones = Intl.supportedValuesOf("timeZone");
  const all = zones.includes(current) ? zones : [current, ...zones];
  return all
    .map((zone) => {
      try {
        return { value: zone, label: timeZoneLabel(zone) };
      } catch {
        return { value: zone, label: zone.replaceAll("_", " ") }; // a zone this runtime cannot format
      }
    })
    .sort((a, b) => a.label.localeCompare(b.label, "en"));
}
