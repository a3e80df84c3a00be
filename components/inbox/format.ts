// How long ago, for the inbox list ("now", "5m", "3h", then the business's date).
import { formatInZone } from "@/components/display/format-time";

export function relativeTime(iso: string, timeZone: string, now = Date.now()): string {
  const seconds = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
  if (seconds < 60) return "now";
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)}h`;
  return formatInZone(iso, timeZone, "dayMonth");
}
