// Sending a pending AI draft, as written or edited: by a member (from the thread or the notification's Send) or by
// the auto-send job. Exactly once: under the conversation's locks the draft flips from `pending` to `sent` in the
// same unit of work that queues its SMS, so a double tap, two members at once, or the auto-send timer racing a
// person all end with one SMS and a clear 409 for the others. Before anything is written, consent and the reply
// guard are checked again: the customer may have opted out, and the profile (prices) may have changed since.
import { runTransaction } from "@/lib/db/run-transaction";
import { AppError } from "@/lib/errors";
import type { Actor, EventPayload } from "@/lib/events/catalogue";
import { lockConversation } from "@/lib/conversations/lock-conversation";
import { queueOutgoingMessageInTx } from "@/lib/conversations/queue-outgoing-message";
import { checkReply, replyProfileOf } from "@/lib/ai/check-reply";
import { splitSms } from "@/lib/ai/split-sms";

export type SendDraftInput = {
  businessId: string;
  threadId: string;
  /** the draft the person saw (the notification's); a newer one in its place is not sent in its name */
  draftId?: string;
  /** the edited text; absent: as the AI wrote it */
  body?: string;
  actor: Actor;
  via: EventPayload<"draft.sent">["via"];
};

export function sendDraft(input: SendDraftInput) {
  const { businessId, threadId } = input;
  const userId = input.actor.kind === "user" ? (input.actor.userId ?? null) : null;
  return runTransaction(async (tx, outbox) => {
    const conversation = await lockConversation(tx, { businessId, threadId });
    if (!conversation) throw new AppError("not_found", "Conversation not found.");
    const { lead } = conversation;
    const draft = await tx
      .selectFrom("AiDraft")
      .select(["id", "body"])
      .where("threadId", "=", threadId)
      .where("businessId", "=", businessId)
      .where("status", "=", "pending")
      .executeTakeFirst();
    if (!draft) {
      throw new AppError("conflict", "There is no draft to send: it was already sent or discarded.");
    }
    if (input.draftId && input.draftId !== draft.id) {
      throw new AppError("conflict", "This draft was replaced by a newer one: open the conversation to see it.");
    }
    if (lead.isOptedOut) {
      throw new AppError(
        "opted_out",
        "This customer opted out of texts: the draft cannot be sent until they text START again.",
      );
    }
    const text = (input.body ?? draft.body).trim();
    if (!text)
      throw new AppError("validation_failed", "A message cannot be empty.", [
        { path: "body", message: "Type a message first." },
      ]);
    const business = await tx
      .selectFrom("Business")
      .select(["name", "services", "serviceArea", "aiInstructions", "priceList", "bookingUrl"])
      .where("id", "=", businessId)
      .executeTakeFirstOrThrow();
    const numbers = await tx
      .selectFrom("PhoneNumber")
      .select(["e164"])
      .where("businessId", "=", businessId)
      .orderBy("createdAt", "asc")
      .execute();
    const verdict = checkReply(
      text,
      replyProfileOf({ ...business, phoneNumbers: numbers.map((number) => number.e164) }),
    );
    if (!verdict.isAllowed) {
      const message = `The reply guard stopped this draft: ${verdict.reasons.join("; ")}. Edit it, or write your own reply.`;
      throw new AppError("validation_failed", message, [{ path: "body", message }]);
    }

    const isEdited = text !== draft.body.trim();
    const now = new Date();
    await tx
      .updateTable("AiDraft")
      .set({
        status: "sent",
        resolution: "sent",
        sentBody: isEdited ? text : null,
        resolvedByUserId: userId,
        resolvedAt: now,
        updatedAt: now,
      })
      .where("id", "=", draft.id)
      .where("status", "=", "pending")
      .execute();
    const refs = { businessId, threadId, leadId: lead.id, actor: input.actor };
    if (isEdited) outbox.record("draft.edited", { draftId: draft.id, body: text, previousBody: draft.body }, refs);
    const fromNumber = numbers[0]?.e164;
    const messages = [];
    for (const body of splitSms(text)) {
      messages.push(
        await queueOutgoingMessageInTx(tx, outbox, {
          businessId,
          threadId,
          body,
          purpose: "ai_reply",
          authorKind: "ai",
          authorUserId: userId,
          lead,
          fromNumber,
        }),
      );
    }
    await tx
      .updateTable("Thread")
      .set({ isWaitingOnPerson: false, updatedAt: now })
      .where("id", "=", threadId)
      .execute();
    outbox.record(
      "draft.sent",
      { draftId: draft.id, via: input.via, messageIds: messages.map((message) => message.id), isEdited },
      refs,
    );
    return { draftId: draft.id, status: "sent" as const, isEdited, messages };
  });
}
