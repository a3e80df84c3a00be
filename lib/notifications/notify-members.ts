// Tells the business's members about a thread: one Notification row per member (kept for the takeover-time
// metric), a push job per member who has a device to push to, and, for urgent events, an escalation job that fires
// if nobody opened it.
import { sql } from "kysely";
import { localTime } from "@/lib/business/business-hours";
import { getBusinessProfile } from "@/lib/business/business-profile";
import { newId } from "@/lib/db/new-id";
import type { Tx } from "@/lib/db/kysely";
import { runTransaction, type Outbox } from "@/lib/db/run-transaction";
import type { NotificationKind } from "@/lib/db/generated/kysely-enums";
import { DRAFT_PREVIEW_CHARS } from "@/lib/notifications/push-payload";

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
  /** the AI draft the notification offers to send (kind ai_draft) */
  draftId?: string;
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

export async function notifyMembersInTx(tx: Tx, outbox: Outbox, input: NotifyInput) {
  // Settings and members from the process's business cache: notifying reads nothing, it only inserts.
  const business = await getBusinessProfile(input.businessId, tx);
  const memberships = input.userId
    ? business.members.filter((member) => member.userId === input.userId)
    : business.members;
  const isEmergency = input.kind === "emergency";
  const preferenceKey = kindToPreference[input.kind];
  const now = new Date();
  const rows = memberships
    .filter((membership) => {
      const preferences = (membership.notifyPrefs ?? {}) as Record<string, unknown>;
      // Emergencies are always delivered: neither preferences nor quiet hours mute them.
      if (!isEmergency && preferenceKey && preferences[preferenceKey] === false) return false;
      // A test notification is asked for on purpose, so quiet hours do not swallow it either.
      return (
        isEmergency ||
        input.kind === "test" ||
        !isQuietNow(membership.quietStart, membership.quietEnd, business.timezone)
      );
    })
    .map((membership) => ({
      id: newId(),
      businessId: input.businessId,
      threadId: input.threadId,
      userId: membership.userId,
      kind: input.kind,
      isUrgent: input.isUrgent ?? isEmergency,
      title: input.title.slice(0, 120),
      // A draft is shown whole (Send from the notification sends what the person read); other previews stay short.
      body: input.body.slice(0, input.kind === "ai_draft" ? DRAFT_PREVIEW_CHARS : 180),
      draftId: input.draftId ?? null,
      sentAt: now,
      createdAt: now,
      updatedAt: now,
    }));
  if (rows.length === 0) return [];
  // One INSERT for every member, read by nothing later in the unit of work: it rides in the commit's one statement.
  // Each push job goes in the same statement only if its member has a device to push to, so nobody gets a push job
  // with nothing to push to, and notifying costs no round trip of its own.
  outbox.write(tx.insertInto("Notification").values(rows));
  for (const notification of rows) {
    outbox.enqueue(
      "send-push",
      { notificationId: notification.id },
      {
        onlyIf: sql<boolean>`exists (select 1 from "PushSubscription" where "userId" = ${notification.userId}
          and "businessId" = ${notification.businessId})`,
      },
    );
    if (notification.isUrgent && business.escalationEnabled && input.threadId) {
      const delaySeconds = isEmergency ? 60 : business.escalationDelayMinutes * 60;
      outbox.enqueue("escalate", { notificationId: notification.id }, { startAfter: delaySeconds });
    }
  }
  return rows.map(({ id, userId }) => ({ id, userId }));
}

export function notifyMembers(input: NotifyInput) {
  return runTransaction((tx, outbox) => notifyMembersInTx(tx, outbox, input));
}
