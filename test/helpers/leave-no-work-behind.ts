// Tests share one database, and a later file's worker (perhaps pointed at a Twilio fake) would pick up what an
// earlier file left queued, or the outbox sweep would resend it. A file that queues work without draining it calls
// this in afterAll: its queued jobs are dropped and its unsent outgoing messages canceled.
import { db } from "@/lib/db/client";
import { discardJobsQueuedSince } from "@/test/reliability/fuzz-helpers";

export async function leaveNoWorkBehind(since: Date): Promise<void> {
  await discardJobsQueuedSince(since);
  await db.message.updateMany({
    where: { createdAt: { gte: since }, direction: "outbound", status: { in: ["queued", "sending"] } },
    data: { status: "canceled" },
  });
}
