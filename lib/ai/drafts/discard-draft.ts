// Dropping a pending AI draft: a member discards it, or something makes it stale (a takeover, a manual reply, a new
// customer message, a newer draft). Always under the conversation's locks (lockConversation), like every other
// change of a draft, so a discard and a send can only happen one after the other.
import type { Tx } from "@/lib/db/kysely";
import { runTransaction, type Outbox } from "@/lib/db/run-transaction";
import { AppError } from "@/lib/errors";
import type { Actor, EventPayload } from "@/lib/events/catalogue";
import { lockConversation } from "@/lib/conversations/lock-conversation";

export type DraftDiscardReason = EventPayload<"draft.discarded">["reason"];

/** Inside a unit of work that holds the conversation's locks. Returns the id of the draft it discarded, if any. */
export async function discardPendingDraftInTx(
  tx: Tx,
  outbox: Outbox,
  input: { businessId: string; threadId: string; leadId: string; reason: DraftDiscardReason; actor: Actor },
): Promise<string | null> {
  const now = new Date();
  const discarded = await tx
    .updateTable("AiDraft")
    .set({
      status: "discarded",
      resolution: input.reason,
      resolvedByUserId: input.actor.kind === "user" ? (input.actor.userId ?? null) : null,
      resolvedAt: now,
      updatedAt: now,
    })
    .where("threadId", "=", input.threadId)
    .where("businessId", "=", input.businessId)
    .where("status", "=", "pending")
    .returning("id")
    .executeTakeFirst();
  if (!discarded) return null;
  outbox.record(
    "draft.discarded",
    { draftId: discarded.id, reason: input.reason },
    { businessId: input.businessId, threadId: input.threadId, leadId: input.leadId, actor: input.actor },
  );
  return discarded.id;
}

/** DELETE /api/threads/{id}/draft: a member drops the pending draft. 409 when there is none (already gone). */
export function discardDraft({
  businessId,
  threadId,
  userId,
}: {
  businessId: string;
  threadId: string;
  userId: string;
}) {
  return runTransaction(async (tx, outbox) => {
    const conversation = await lockConversation(tx, { businessId, threadId });
    if (!conversation) throw new AppError("not_found", "Conversation not found.");
    const draftId = await discardPendingDraftInTx(tx, outbox, {
      businessId,
      threadId,
      leadId: conversation.lead.id,
      reason: "discarded",
      actor: { kind: "user", userId },
    });
    if (!draftId) {
      throw new AppError("conflict", "There is no draft to discard: it was already sent or discarded.");
    }
    await tx
      .updateTable("Thread")
      .set({ isWaitingOnPerson: false, updatedAt: new Date() })
      .where("id", "=", threadId)
      .execute();
    return { draftId, status: "discarded" as const };
  });
}
