// The `send-push` job: one Notification to every device of its member. A device that fails never blocks the
// others; gone devices are pruned; if some device may succeed later the job throws after trying all of them, and
// the retry targets only the devices that failed (failureCount > 0; a success resets it).
import type { Job } from "pg-boss";
import { loadAiOutlook } from "@/lib/conversations/ai-turn-rule";
import { db } from "@/lib/db/client";
import { logger } from "@/lib/log";
import { buildPushPayload, draftActions, pushActions, pushDeliveryOptions } from "@/lib/notifications/push-payload";
import { sendToSubscription } from "@/lib/notifications/send-to-subscription";
import { getVapidDetails } from "@/lib/notifications/vapid";

/** Consecutive failures after which a device is treated as dead. */
const MAX_DEVICE_FAILURES = 20;

export async function sendPushJob(data: { notificationId: string }, job?: Pick<Job, "retryCount">): Promise<void> {
  const notification = await db.notification.findUnique({ where: { id: data.notificationId } });
  if (!notification) return;
  const isRetry = (job?.retryCount ?? 0) > 0;
  const subscriptions = await db.pushSubscription.findMany({
    where: {
      businessId: notification.businessId,
      userId: notification.userId,
      ...(isRetry ? { failureCount: { gt: 0 } } : {}),
    },
  });
  if (subscriptions.length === 0) return;
  // When the AI will answer, read as the push goes out: the same deadline the thread view counts down to.
  const outlook = notification.threadId ? await loadAiOutlook(notification.threadId) : null;
  const waitingOnPerson = outlook?.waitingOnPerson ?? false;
  const payload = buildPushPayload({
    notificationId: notification.id,
    threadId: notification.threadId,
    kind: notification.kind,
    title: notification.title,
    body: notification.body,
    url:
      notification.threadId && notification.draftId
        ? `/inbox/${notification.threadId}?draft=edit`
        : notification.threadId
          ? `/inbox/${notification.threadId}`
          : "/inbox",
    urgent: notification.isUrgent,
    aiDueAt: outlook?.aiDueAt?.toISOString() ?? null,
    waitingOnPerson,
    actions:
      notification.draftId && notification.threadId
        ? draftActions
        : pushActions({ threadId: notification.threadId, waitingOnPerson }),
    draftId: notification.draftId,
  });
  const vapidDetails = await getVapidDetails();
  const options = { ...pushDeliveryOptions(notification.kind, notification.isUrgent), vapidDetails };
  const results = await Promise.all(
    subscriptions.map(async (subscription) => {
      const result = await sendToSubscription(subscription, payload, options);
      if (result.outcome === "delivered") {
        await db.pushSubscription.update({
          where: { id: subscription.id },
          data: { failureCount: 0, lastSuccessAt: new Date() },
        });
      } else if (result.outcome === "gone" || subscription.failureCount + 1 >= MAX_DEVICE_FAILURES) {
        await db.pushSubscription.deleteMany({ where: { id: subscription.id } });
      } else {
        await db.pushSubscription.updateMany({
          where: { id: subscription.id },
          data: { failureCount: { increment: 1 } },
        });
      }
      logger.info({ notificationId: notification.id, subscriptionId: subscription.id, ...result }, "push sent");
      return result;
    }),
  );
  const retryable = results.filter((result) => result.outcome === "retry").length;
  if (retryable > 0) {
    throw new Error(`web push: ${retryable} of ${results.length} devices failed temporarily; retrying them`);
  }
}
