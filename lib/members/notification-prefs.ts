// A member's own notification settings: which events push to them, quiet hours (emergencies ignore them) and their
// phone for escalation SMS, emergency calls and Call back. Stored on the Membership; read by notifyMembersInTx.
import { invalidateBusinessProfile } from "@/lib/business/business-profile";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { e164Schema } from "@/lib/telephony/phone";

export const notifyEventKeys = ["missed_call", "customer_reply", "ai_handoff"] as const;
export type NotifyEventKey = (typeof notifyEventKeys)[number];

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use a time like 22:00.");

export const notificationPrefsPatchSchema = z
  .object({
    notify: z
      .object({ missed_call: z.boolean(), customer_reply: z.boolean(), ai_handoff: z.boolean() })
      .partial()
      .strict(),
    quietStart: hhmm.nullable(),
    quietEnd: hhmm.nullable(),
    // "" clears it; anything else must be a phone number, refused with e164Schema's own message (a union's
    // "Invalid input" told the person nothing).
    phone: z.preprocess((value) => (value === "" ? null : value), e164Schema.nullable()),
  })
  .partial()
  .strict();

export type NotificationPrefs = {
  notify: Record<NotifyEventKey, boolean>;
  quietStart: string | null;
  quietEnd: string | null;
  phone: string | null;
};

function toPrefs(row: {
  notifyPrefs: unknown;
  quietStart: string | null;
  quietEnd: string | null;
  phone: string | null;
}): NotificationPrefs {
  const stored = (row.notifyPrefs ?? {}) as Record<string, unknown>;
  // An unset preference means "notify me" (the default the notifier applies too).
  const notify = Object.fromEntries(notifyEventKeys.map((key) => [key, stored[key] !== false])) as Record<
    NotifyEventKey,
    boolean
  >;
  return { notify, quietStart: row.quietStart, quietEnd: row.quietEnd, phone: row.phone };
}

const select = { notifyPrefs: true, quietStart: true, quietEnd: true, phone: true } as const;

export async function getNotificationPrefs({ userId, businessId }: { userId: string; businessId: string }) {
  const row = await db.membership.findUnique({ where: { userId_businessId: { userId, businessId } }, select });
  if (!row) throw new AppError("not_found", "Membership not found.");
  return toPrefs(row);
}

export async function updateNotificationPrefs(
  { userId, businessId }: { userId: string; businessId: string },
  patch: z.infer<typeof notificationPrefsPatchSchema>,
) {
  const current = await getNotificationPrefs({ userId, businessId });
  const quietStart = patch.quietStart === undefined ? current.quietStart : patch.quietStart;
  const quietEnd = patch.quietEnd === undefined ? current.quietEnd : patch.quietEnd;
  if ((quietStart === null) !== (quietEnd === null)) {
    throw new AppError("validation_failed", "Set both the start and the end of quiet hours, or neither.");
  }
  if (quietStart !== null && quietStart === quietEnd) {
    throw new AppError("validation_failed", "Quiet hours need different start and end times.");
  }
  const row = await db.membership.update({
    where: { userId_businessId: { userId, businessId } },
    data: {
      notifyPrefs: { ...current.notify, ...patch.notify },
      quietStart,
      quietEnd,
      ...(patch.phone === undefined ? {} : { phone: patch.phone }),
    },
    select,
  });
  await invalidateBusinessProfile(businessId);
  return toPrefs(row);
}
