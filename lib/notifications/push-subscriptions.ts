// A member's devices for web push: register (the same member re-registering the same endpoint refreshes it),
// remove, list. An endpoint already registered by someone else is refused: the endpoint is not a secret the server
// can trust (anyone who saw it could post it), so posting it must not move another person's device to you.
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { assertOutboundUrl } from "@/lib/outbound/outbound-url-rule";

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
  await assertOutboundUrl(input.endpoint, "endpoint");
  const select = { id: true, endpoint: true, userAgent: true, createdAt: true, lastSuccessAt: true } as const;
  // Insert-or-ignore, then refresh only a row that is this member's own: one statement each, no read-then-write race.
  await db.pushSubscription.createMany({ data: [{ endpoint: input.endpoint, ...data }], skipDuplicates: true });
  const { count } = await db.pushSubscription.updateMany({
    where: { endpoint: input.endpoint, businessId: input.businessId, userId: input.userId },
    data,
  });
  if (count === 0) {
    // Another person's device (a browser keeps its endpoint across sign-outs): the app subscribes afresh.
    throw new AppError("conflict", "This device is registered to someone else. Subscribe again to get a new one.", {
      reason: "endpoint_taken",
    });
  }
  return db.pushSubscription.findUniqueOrThrow({ where: { endpoint: input.endpoint }, select });
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
