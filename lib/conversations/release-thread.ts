// Hands a conversation back to the AI. "Let AI handle" (now) also starts the AI's turn at once instead of
// waiting out the human-priority window.
import { runTransaction } from "@/lib/db/run-transaction";
import { AppError } from "@/lib/errors";
import { lockConversation } from "@/lib/conversations/lock-conversation";
import { scheduleAiTurn } from "@/lib/conversations/schedule-ai-turn";

export type ReleaseInput = { businessId: string; threadId: string; userId: string; now?: boolean; via?: string };

export async function releaseThread(input: ReleaseInput) {
  await runTransaction(async (tx, outbox) => {
    const conversation = await lockConversation(tx, { businessId: input.businessId, threadId: input.threadId });
    if (!conversation) throw new AppError("not_found", "Conversation not found.");
    const { thread } = conversation;
    await tx
      .updateTable("Thread")
      .set({ mode: "ai", holderUserId: null, isWaitingOnPerson: false, closedAt: null, updatedAt: new Date() })
      .where("id", "=", thread.id)
      .execute();
    outbox.record(
      "thread.released",
      {
        previousMode: thread.mode,
        previousHolderUserId: thread.holderUserId,
        now: Boolean(input.now),
        via: input.via ?? "inbox",
      },
      {
        businessId: input.businessId,
        threadId: thread.id,
        leadId: thread.leadId,
        actor: { kind: "user", userId: input.userId },
      },
    );
    if (input.now) {
      await scheduleAiTurn(tx, outbox, { threadId: thread.id, dueAt: new Date(), reason: "let_ai_handle" });
    }
  });
  return { mode: "ai" as const, isAiScheduled: Boolean(input.now) };
}
