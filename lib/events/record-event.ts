// The append-only log: every message, call, status change, takeover and AI tool call, with who did it.
// Inside a write, record events with `outbox.record` (lib/db/run-transaction.ts). This is for an event that is the
// whole write: one statement stores it (and, on a PostgreSQL server, NOTIFYs it at its commit), then it is live.
import { runStatement } from "@/lib/db/run-transaction";
import type { EventName, EventPayload, EventRefs } from "@/lib/events/catalogue";

export async function recordEvent<Name extends EventName>(
  name: Name,
  payload: EventPayload<Name>,
  refs: EventRefs,
): Promise<{ id: string }> {
  const { flushed } = await runStatement((_qb, outbox) => outbox.record(name, payload, refs), { jobs: false });
  return { id: flushed.events[0]!.id };
}
