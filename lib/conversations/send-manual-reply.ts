// A member replies from the inbox: replying takes the conversation over (the AI stops), and the SMS goes through
// the one outgoing pipeline. Both happen in one unit of work, so an opted-out customer changes nothing at all.
import { runTransaction } from "@/lib/db/run-transaction";
import { queueOutgoingMessageInTx } from "@/lib/conversations/queue-outgoing-message";
import { takeOverThreadInTx } from "@/lib/conversations/take-over-thread";

export function sendManualReply(input: { businessId: string; threadId: string; userId: string; body: string }) {
  return runTransaction(async (tx, outbox) => {
    await takeOverThreadInTx(tx, outbox, { ...input, via: "reply" });
    return queueOutgoingMessageInTx(tx, outbox, {
      businessId: input.businessId,
      threadId: input.threadId,
      body: input.body,
      purpose: "manual",
      authorKind: "user",
      authorUserId: input.userId,
    });
  });
}
