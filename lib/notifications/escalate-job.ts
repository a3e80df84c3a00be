// The `escalate` job: push is not reliable on phones (iOS PWAs lose subscriptions), so an urgent notification
// that nobody opened and whose thread nobody took over goes to the member's own phone by SMS, and an emergency can
// also ring them. escalatedAt is claimed with a conditional update, so a retried job never escalates twice.
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { runTransaction } from "@/lib/db/run-transaction";
import { logger } from "@/lib/log";
import { queueOutgoingMessageInTx } from "@/lib/conversations/queue-outgoing-message";
import { placeEmergencyCall } from "@/lib/notifications/place-emergency-call";

export function escalationText({ title, threadId }: { title: string; threadId: string }): string {
  return `Ringback: ${title} — open ${env().publicBaseUrl}/inbox/${threadId}`.slice(0, 320);
}

export async function escalateJob(data: { notificationId: string }): Promise<void> {
  const notification = await db.notification.findUnique({
    where: { id: data.notificationId },
    include: { thread: { select: { id: true, mode: true, leadId: true } } },
  });
  if (!notification?.thread || notification.openedAt || notification.takeoverAt || notification.escalatedAt) return;
  const thread = notification.thread;
  if (thread.mode === "human" || thread.mode === "closed") return; // someone already has it
  const membership = await db.membership.findUnique({
    where: { userId_businessId: { userId: notification.userId, businessId: notification.businessId } },
    select: { phone: true, business: { select: { name: true, emergencyCallEnabled: true } } },
  });
  if (!membership) return;
  const isEmergencyCall = notification.kind === "emergency" && membership.business.emergencyCallEnabled;
  const isEscalated = await runTransaction(async (tx, outbox) => {
    const now = new Date();
    const claimed = await tx
      .updateTable("Notification")
      .set({ escalatedAt: now, updatedAt: now })
      .where("id", "=", notification.id)
      .where("escalatedAt", "is", null)
      .where("openedAt", "is", null)
      .where("takeoverAt", "is", null)
      .executeTakeFirst();
    if (claimed.numUpdatedRows === 0n || !membership.phone) return false;
    await queueOutgoingMessageInTx(tx, outbox, {
      businessId: notification.businessId,
      threadId: thread.id,
      body: escalationText({ title: notification.title, threadId: thread.id }),
      purpose: "escalation",
      authorKind: "system",
      to: membership.phone,
    });
    outbox.record(
      "notification.escalated",
      { notificationId: notification.id, userId: notification.userId, kind: notification.kind, call: isEmergencyCall },
      { businessId: notification.businessId, threadId: thread.id, leadId: thread.leadId, actor: { kind: "system" } },
    );
    return true;
  });
  if (!isEscalated) {
    if (!membership.phone)
      logger.warn({ notificationId: notification.id }, "escalation skipped: the member has no phone number");
    return;
  }
  if (isEmergencyCall) {
    await placeEmergencyCall({
      businessId: notification.businessId,
      threadId: thread.id,
      leadId: thread.leadId,
      memberPhone: membership.phone!,
      title: notification.title,
    });
  }
}
