// A member replies from the inbox: replying takes the conversation over (the AI stops), and the SMS goes through
// the one outgoing pipeline. Both happen in one transaction, so an opted-out customer changes nothing at all.
import { db } from "@/lib/db/client";
import { getBoss } from "@/lib/jobs/boss";
import { publishRecordedEvents } from "@/lib/events/record-event";
import { queueOutgoingMessageInTx } from "@/lib/conversations/queue-outgoing-message";
import { publishTakeover, takeOverThreadInTx } from "@/lib/conversations/take-over-thread";

export async function sendManualReply(input: { businessId: string; threadId: string; userId: string; body: string }) {
  await getBoss(); // started outside the transaction: the first start takes longer than a transaction may
  const { takeover, queued } = await db.$transaction(async (tx) => {
    const takeover = await takeOverThreadInTx(tx, { ...input, via: "reply" });
    const queued = await queueOutgoingMessageInTx(tx, {
      businessId: input.businessId,
      threadId: input.threadId,
      body: input.body,
      purpose: "manual",
      authorKind: "user",
      authorUserId: input.userId,
    });
    return { takeover, queued };
  });
  await publishTakeover(input.businessId, input.threadId, takeover);
  await publishRecordedEvents([queued.event]);
  return queued.message;
}
