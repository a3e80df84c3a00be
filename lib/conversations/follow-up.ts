// The single optional follow-up to a customer who never answered the auto-SMS (off by default). Sent only 8:00–20:00
// in the customer's local time (their number's time zones, else the business timezone), never after STOP, never twice.
import type { Prisma } from "@prisma/client";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { publishRecordedEvents } from "@/lib/events/record-event";
import { enqueue } from "@/lib/jobs/boss";
import { customerTimeZones } from "@/lib/conversations/customer-time-zones";
import { secondsUntilLocalWindow, secondsUntilSendingWindow } from "@/lib/conversations/sending-window";
import { queueOutgoingMessageInTx } from "@/lib/conversations/queue-outgoing-message";

/** Call when the auto-SMS is queued (in its transaction). Does nothing unless the business enabled follow-ups. */
export async function scheduleFollowUp({ tx, threadId }: { tx: Prisma.TransactionClient; threadId: string }) {
  const thread = await tx.thread.findUnique({
    where: { id: threadId },
    select: { business: { select: { followUpEnabled: true, followUpDelayMinutes: true } } },
  });
  if (!thread?.business.followUpEnabled) return null;
  return enqueue(
    "follow-up",
    { threadId },
    {
      tx,
      singletonKey: threadId,
      startAfter: Math.max(60, thread.business.followUpDelayMinutes * 60),
    },
  );
}

export async function runFollowUp({ threadId }: { threadId: string }): Promise<void> {
  const thread = await db.thread.findUnique({
    where: { id: threadId },
    include: { lead: true, business: { select: { name: true, timezone: true, followUpEnabled: true } } },
  });
  if (!thread || !thread.business.followUpEnabled || thread.lead.isOptedOut) return;
  if (thread.followUpSentAt || thread.firstCustomerReplyAt || thread.mode === "human" || thread.mode === "closed")
    return;
  const now = new Date();
  const wait =
    secondsUntilSendingWindow(now, await customerTimeZones(thread.lead.phone)) ??
    secondsUntilLocalWindow(now, thread.business.timezone);
  if (wait > 0) {
    await enqueue("follow-up", { threadId }, { startAfter: wait });
    return;
  }
  const events = await db.$transaction(async (tx) => {
    // Claimed atomically: a retried or duplicated job never sends a second follow-up.
    const claimed = await tx.thread.updateMany({
      where: { id: threadId, followUpSentAt: null, firstCustomerReplyAt: null },
      data: { followUpSentAt: new Date() },
    });
    if (claimed.count === 0) return [];
    try {
      const { event } = await queueOutgoingMessageInTx(tx, {
        businessId: thread.businessId,
        threadId,
        body: `Hi, it's ${thread.business.name} following up on your call. Is there anything we can help you with? Reply STOP to opt out.`,
        purpose: "follow_up",
        authorKind: "system",
      });
      return [event];
    } catch (error) {
      if (error instanceof AppError && error.code === "opted_out") return [];
      throw error;
    }
  });
  await publishRecordedEvents(events);
}
