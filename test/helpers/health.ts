// How many health events of a kind the counters hold for the last hour (all businesses): tests compare before/after.
import { countHealthEvents, type HealthKind } from "@/lib/health/record-health-event";

export async function healthEventsSinceAnHourAgo(kind: HealthKind): Promise<number> {
  const counts = await countHealthEvents({ kinds: [kind], since: new Date(Date.now() - 3_600_000) });
  return counts[kind] ?? 0;
}
