// The work after the SMS webhook answered: keywords first (they never reach the AI), then the notification, then
// the thread's mode decides who answers: a person (`human`), the AI at once (`ai`), or the AI after the
// human-priority window (`auto`).
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { publishRecordedEvents, recordEvent } from "@/lib/events/record-event";
import { notifyMembersInTx } from "@/lib/notifications/notify-members";
import { customerLabel, shortPreview } from "@/lib/conversations/customer-label";
import { applyConsentKeyword } from "@/lib/conversations/apply-consent-keyword";
import { detectKeyword, isInformalStopRequest } from "@/lib/conversations/keywords";
import { scheduleAiTurn } from "@/lib/conversations/schedule-ai-turn";

export async function processInboundMessage({ messageId }: { messageId: string }): Promise<void> {
  const events = await db.$transaction(async (tx) => {
    const message = await tx.message.findUnique({
      where: { id: messageId },
      select: {
        id: true,
        businessId: true,
        threadId: true,
        leadId: true,
        body: true,
        messageSid: true,
        direction: true,
      },
    });
    if (!message || message.direction !== "inbound") return [];
    // Lock the thread: turns, takeovers and other messages of this thread wait, and a retried job sees our marker.
    await tx.$queryRaw`SELECT id FROM "Thread" WHERE id = ${message.threadId} FOR UPDATE`;
    const alreadyDone = await tx.event.findFirst({
      where: {
        threadId: message.threadId,
        type: "message.processed",
        payload: { path: ["messageId"], equals: message.id },
      },
      select: { id: true },
    });
    if (alreadyDone) return [];
    const thread = await tx.thread.findUniqueOrThrow({
      where: { id: message.threadId },
      select: {
        id: true,
        mode: true,
        lead: { select: { id: true, phone: true, name: true, isOptedOut: true } },
        business: { select: { name: true } },
      },
    });
    const base = { businessId: message.businessId, threadId: thread.id, leadId: thread.lead.id };
    const recorded = [];
    recorded.push(
      await recordEvent(
        { ...base, type: "message.processed", actor: { kind: "system" }, payload: { messageId: message.id } },
        tx,
      ),
    );

    const keyword = detectKeyword(message.body);
    if (keyword) {
      recorded.push(
        ...(await applyConsentKeyword(tx, keyword, {
          ...base,
          businessName: thread.business.name,
          phone: thread.lead.phone,
          messageSid: message.messageSid,
        })),
      );
      return recorded;
    }
    if (thread.lead.isOptedOut) return recorded; // stored and shown, but nobody texts an opted-out number

    const who = customerLabel(thread.lead);
    const preview = shortPreview(message.body) || "[photo]";

    if (isInformalStopRequest(message.body)) {
      // Not a carrier keyword, but the AI must not argue or continue: a person decides.
      await tx.thread.update({
        where: { id: thread.id },
        data: { mode: "human", aiGenerationId: null, windowDeadline: null, isWaitingOnPerson: true },
      });
      recorded.push(
        await recordEvent(
          {
            ...base,
            type: "thread.mode_changed",
            actor: { kind: "system" },
            payload: { from: thread.mode, to: "human", reason: "customer_asked_to_stop" },
          },
          tx,
        ),
      );
      await notifyMembersInTx(tx, {
        ...base,
        kind: "customer_reply",
        title: `${who} asked to stop texting`,
        body: preview,
        isUrgent: false,
      });
      return recorded;
    }

    await notifyMembersInTx(tx, { ...base, kind: "customer_reply", title: `${who} replied`, body: preview });
    if (thread.mode === "human" || thread.mode === "closed") return recorded;
    if (thread.mode === "ai") {
      await scheduleAiTurn({ tx, threadId: thread.id, delaySeconds: 0, reason: "ai_active" });
      return recorded;
    }
    const delaySeconds = env().ai.engageDelaySeconds;
    const scheduled = await scheduleAiTurn({ tx, threadId: thread.id, delaySeconds, reason: "window" });
    if (scheduled.isNew) {
      await tx.thread.update({
        where: { id: thread.id },
        data: { windowDeadline: new Date(Date.now() + delaySeconds * 1000) },
      });
    }
    return recorded;
  });
  await publishRecordedEvents(events);
}
