// The service worker reports that a notification was tapped: stamps openedAt (once), which also cancels escalation.
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

export async function recordNotificationOpened({
  businessId,
  userId,
  notificationId,
}: {
  businessId: string;
  userId: string;
  notificationId: string;
}) {
  const notification = await db.notification.findFirst({
    where: { id: notificationId, businessId, userId },
    select: { id: true, openedAt: true },
  });
  if (!notification) throw new AppError("not_found", "Notification not found.");
  if (!notification.openedAt) {
    await db.notification.updateMany({
      where: { id: notification.id, openedAt: null },
      data: { openedAt: new Date() },
    });
  }
  const stored = await db.notification.findUniqueOrThrow({
    where: { id: notification.id },
    select: { openedAt: true },
  });
  return { openedAt: stored.openedAt };
}
