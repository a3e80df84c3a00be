// Tells the business's members about a thread: one Notification row per member (kept for the takeover-time
// metric), a push job per row, and, for urgent events, an escalation job that fires if nobody opened it.
import type { NotificationKind, Prisma } from "@prisma/client";
import { db } from "@/lib/db/client";
import { enqueue, getBoss } from "@/lib/jobs/boss";
import { localTime } from "@/lib/business/business-hours";

export type NotifyInput = {
  businessId: string;
  threadId: string | null;
  kind: NotificationKind;
  /** who and what: "Dana (415) 555-0100 — missed call" */
  title: string;
  /** a short preview, never a whole conversation */
  body: string;
  isUrgent?: boolean;
  /** only this member (e.g. a test notification) */
  userId?: string;
};

const kindToPreference: Partial<Record<NotificationKind, string>> = {
  missed_call: "missed_call",
  called_again: "missed_call",
  customer_reply: "customer_reply",
  ai_handoff: "ai_handoff",
};

function isQuietNow(start: string | null, end: string | null, timeZone: string): boolean {
  if (!start || !end) return false;
  const { time } = localTime(new Date(), timeZone);
  return start <= end ? time >= start && time < end : time >= start || time < end;
}

export async function notifyMembersInTx(tx: Prisma.TransactionClient, input: NotifyInput) {
  const business = await tx.business.findUniqueOrThrow({
    where: { id: input.businessId },
    select: { timezone: true, escalationEnabled: true, escalationDelayMinutes: true },
  });
  const memberships = await tx.membership.findMany({
    where: { businessId: input.businessId, ...(input.userId ? { userId: input.userId } : {}) },
    select: { userId: true, notifyPrefs: true, quietStart: true, quietEnd: true },
  });
  const isEmergency = input.kind === "emergency";
  const created = [];
  for (const membership of memberships) {
    const preferences = (membership.notifyPrefs ?? {}) as Record<string, unknown>;
    const preferenceKey = kindToPreference[input.kind];
    // Emergencies are always delivered: neither preferences nor quiet hours mute them.
    if (!isEmergency && preferenceKey && preferences[preferenceKey] === false) continue;
    // A test notification is asked for on purpose, so quiet hours do not swallow it either.
    if (
      !isEmergency &&
      input.kind !== "test" &&
      isQuietNow(membership.quietStart, membership.quietEnd, business.timezone)
    )
      continue;
    const notification = await tx.notification.create({
      data: {
        businessId: input.businessId,
        threadId: input.threadId,
        userId: membership.userId,
        kind: input.kind,
        isUrgent: input.isUrgent ?? isEmergency,
        title: input.title.slice(0, 120),
        body: input.body.slice(0, 180),
      },
    });
    await enqueue("send-push", { notificationId: notification.id }, { tx });
    if (notification.isUrgent && business.escalationEnabled && input.threadId) {
      const delaySeconds = isEmergency ? 60 : business.escalationDelayMinutes * 60;
      await enqueue("escalate", { notificationId: notification.id }, { tx, startAfter: delaySeconds });
    }
    created.push(notification);
  }
  return created;
}

export async function notifyMembers(input: NotifyInput) {
  // Start the queue outside the transaction: its first start can outlast the transaction timeout.
  await getBoss();
  return db.$transaction((tx) => notifyMembersInTx(tx, input));
}
