// "AI suggests, I approve": the AI's finished reply is kept as a draft instead of being sent. Like sendAiReply, only
// if its generation is still the thread's current one (a takeover that cleared it first means the reply is dropped).
// In the same unit of work: a newer draft replaces an older one, the members are told (push with Send and Edit), and
// when the owner set an auto-send delay, a durable job is queued to send the draft then unless someone acts first.
import { newId } from "@/lib/db/new-id";
import { runTransaction } from "@/lib/db/run-transaction";
import type { EventPayload } from "@/lib/events/catalogue";
import { notifyMembersInTx } from "@/lib/notifications/notify-members";
import { customerLabel } from "@/lib/conversations/customer-label";
import { lockConversation } from "@/lib/conversations/lock-conversation";
import { discardPendingDraftInTx } from "@/lib/ai/drafts/discard-draft";
import { modeChangeReason, type TurnContext, type TurnOutcome } from "@/lib/ai/turn-context";

export async function saveAiDraft({
  context,
  outcome,
  text,
  autoSendMinutes,
  usageEvent,
}: {
  context: TurnContext;
  outcome: TurnOutcome;
  text: string;
  /** the business's delay before an unanswered draft goes out on its own; null: never */
  autoSendMinutes: number | null;
  usageEvent: EventPayload<"ai.usage">;
}): Promise<{ isSaved: boolean; draftId: string | null }> {
  const refs = { businessId: context.businessId, threadId: context.threadId, leadId: context.leadId };
  return runTransaction(async (tx, outbox) => {
    outbox.record("ai.usage", usageEvent, { ...refs, actor: { kind: "ai" } });
    const conversation = await lockConversation(tx, { businessId: context.businessId, threadId: context.threadId });
    if (!conversation) return { isSaved: false, draftId: null };
    const { lead, thread } = conversation;
    if (thread.aiGenerationId !== context.generationId || thread.mode === "human") {
      return { isSaved: false, draftId: null };
    }
    const now = new Date();
    const nextMode = outcome.isClosed ? "closed" : outcome.isHandedOff ? "human" : thread.mode;
    await tx
      .updateTable("Thread")
      .set({
        aiGenerationId: null,
        mode: nextMode,
        isWaitingOnPerson: !outcome.isClosed,
        updatedAt: now,
        ...(outcome.isClosed ? { closedAt: now } : {}),
      })
      .where("id", "=", thread.id)
      .execute();
    if (nextMode !== thread.mode) {
      outbox.record(
        "thread.mode_changed",
        { from: thread.mode, to: nextMode, reason: modeChangeReason(outcome) },
        { ...refs, actor: { kind: "ai" } },
      );
    }
    // STOP arrived while the reply was written: nothing to approve, nobody to text.
    if (lead.isOptedOut) return { isSaved: false, draftId: null };

    await discardPendingDraftInTx(tx, outbox, { ...refs, reason: "superseded", actor: { kind: "ai" } });
    const body = text.trim();
    const autoSendAt = autoSendMinutes === null ? null : new Date(now.getTime() + autoSendMinutes * 60_000);
    const draft = await tx
      .insertInto("AiDraft")
      .values({
        id: newId(),
        businessId: context.businessId,
        threadId: context.threadId,
        generationId: context.generationId,
        body,
        autoSendAt,
        createdAt: now,
        updatedAt: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    outbox.record(
      "draft.created",
      { draftId: draft.id, generationId: context.generationId, body, autoSendAt: autoSendAt?.toISOString() ?? null },
      { ...refs, actor: { kind: "ai" } },
    );
    await notifyMembersInTx(tx, outbox, {
      ...refs,
      kind: "ai_draft",
      title: `Reply to ${customerLabel(lead)} ready to send`,
      body,
      draftId: draft.id,
    });
    if (autoSendAt) {
      outbox.enqueue("send-draft", { draftId: draft.id }, { singletonKey: draft.id, startAfter: autoSendAt });
    }
    return { isSaved: true, draftId: draft.id };
  });
}
