// A member takes a conversation: the thread becomes `human` and the AI's reply in progress is abandoned.
// Clearing aiGenerationId in the same row update is what stops the AI: its send is a conditional UPDATE on that id.
import type { Tx } from "@/lib/db/kysely";
import { runTransaction, type Outbox } from "@/lib/db/run-transaction";
import { publishLive } from "@/lib/events/bus";
import { AppError } from "@/lib/errors";
import { lockConversation } from "@/lib/conversations/lock-conversation";
import { discardPendingDraftInTx } from "@/lib/ai/drafts/discard-draft";

export type TakeOverInput = {
  businessId: string;
  threadId: string;
  userId: string;
  /** where the tap came from: "inbox", "push", "reply" */
  via?: string;
};

/**
 * Inside a unit of work. Returns whether this member already held it and the abandoned AI generation (whose live
 * stream is told, after commit, that it ends).
 */
export async function takeOverThreadInTx(tx: Tx, outbox: Outbox, input: TakeOverInput) {
  // Row locks (lead, then thread): a concurrent AI send or a second takeover waits for this one.
  const conversation = await lockConversation(tx, { businessId: input.businessId, threadId: input.threadId });
  if (!conversation) throw new AppError("not_found", "Conversation not found.");
  const { thread } = conversation;
  const now = new Date();
  const isAlreadyHeld = thread.mode === "human" && thread.holderUserId === input.userId && !thread.aiGenerationId;
  await tx
    .updateTable("Thread")
    .set({
      mode: "human",
      holderUserId: input.userId,
      aiGenerationId: null,
      windowDeadline: null,
      isWaitingOnPerson: false,
      updatedAt: now,
      ...(isAlreadyHeld ? {} : { takenOverAt: now }),
    })
    .where("id", "=", thread.id)
    .execute();
  // The takeover-time metric: the first takeover after each notification about this thread.
  await tx
    .updateTable("Notification")
    .set({ takeoverAt: now, updatedAt: now })
    .where("threadId", "=", thread.id)
    .where("businessId", "=", input.businessId)
    .where("takeoverAt", "is", null)
    .execute();
  // A person answers now: an AI draft waiting for approval is stale.
  await discardPendingDraftInTx(tx, outbox, {
    businessId: input.businessId,
    threadId: thread.id,
    leadId: thread.leadId,
    reason: input.via === "reply" ? "manual_reply" : "taken_over",
    actor: { kind: "user", userId: input.userId },
  });
  if (isAlreadyHeld) return { wasAlreadyHeld: true, abandonedGenerationId: null };
  outbox.record(
    "thread.taken_over",
    {
      via: input.via ?? "inbox",
      previousMode: thread.mode,
      previousHolderUserId: thread.holderUserId,
      abandonedGenerationId: thread.aiGenerationId,
    },
    {
      businessId: input.businessId,
      threadId: thread.id,
      leadId: thread.leadId,
      actor: { kind: "user", userId: input.userId },
    },
  );
  const abandonedGenerationId = thread.aiGenerationId;
  if (abandonedGenerationId) {
    // Open thread views drop the reply being written.
    outbox.afterCommit(() =>
      publishLive({
        businessId: input.businessId,
        threadId: thread.id,
        type: "ai.abandoned",
        data: { generationId: abandonedGenerationId, reason: "taken_over" },
      }),
    );
  }
  return { wasAlreadyHeld: false, abandonedGenerationId };
}

export function takeOverThread(input: TakeOverInput) {
  return runTransaction((tx, outbox) => takeOverThreadInTx(tx, outbox, input));
}
