// A member's devices for web push: register (upsert by endpoint: the browser may re-subscribe), remove, list.
import { db } from "@/lib/db/client";

export async function registerPushSubscription(input: {
  businessId: string;
  userId: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  userAgent?: string | null;
}) {
  const data = {
    businessId: input.businessId,
    userId: input.userId,
    p256dh: input.p256dh,
    auth: input.auth,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
    failureCount: 0,
    lastSeenAt: new Date(),
  };
  // The endpoint is the device's own secret URL: whoever signs in on the device now owns its notifications.
  return db.pushSubscription.upsert({
    where: { endpoint: input.endpoint },
    create: { endpoint: input.endpoint, ...data },
    update: data,
    select: { id: true, endpoint: true, userAgent: true, createdAt: true, lastSuccessAt: true },
  });
}

export async function removePushSubscription({
  businessId,
  userId,
  endpoint,
}: {
  businessId: string;
  userId: string;
  endpoint: string;
}) {
  const { count } = await db.pushSubscription.deleteMany({ where: { businessId, userId, endpoint } });
  return { removed: count };
}

export function listPushSubscriptions({ businessId, userId }: { businessId: string; userId: string }) {
  return db.pushSubscription.findMany({
    where: { businessId, userId },
    orderBy: { createdAt: "desc" },
    select: { id: true, endpoint: true, userAgent: true, createdAt: true, lastSuccessAt: true, failureCount: true },
  });
}
