// Exactly-once sending starts with a claim: one conditional UPDATE moves a queued Message to `sending`.
// Only one worker (of any instance) can win it; a `sending` row left by a crashed attempt becomes claimable
// again after STALE_SENDING_MS, and then the sender first asks Twilio whether it went out.
import { db } from "@/lib/db/client";

export const STALE_SENDING_MS = 60_000;

export async function claimMessage(messageId: string) {
  const now = new Date();
  const claimed = await db.message.updateMany({
    where: {
      id: messageId,
      direction: "outbound",
      messageSid: null,
      OR: [
        { status: "queued" },
        { status: "sending", sendStartedAt: { lt: new Date(now.getTime() - STALE_SENDING_MS) } },
      ],
    },
    data: { status: "sending", sendAttempts: { increment: 1 }, sendStartedAt: now },
  });
  if (claimed.count === 0) return null;
  const message = await db.message.findUniqueOrThrow({
    where: { id: messageId },
    include: {
      lead: { select: { id: true, phone: true, isOptedOut: true, status: true } },
      business: { select: { lookupEnabled: true } },
    },
  });
  // Any earlier attempt may have reached Twilio (timeout, 5xx, crash): the caller looks before resending.
  return { message, isRetry: message.sendAttempts > 1 };
}

export type ClaimedMessage = NonNullable<Awaited<ReturnType<typeof claimMessage>>>["message"];
