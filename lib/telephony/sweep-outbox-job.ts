// The `sweep-outbox` job (every minute): a Message still `queued` a minute after it was stored lost its send
// job (or exhausted its backoff); a `sending` one whose attempt died is stale. Both get a send job again.
import { db } from "@/lib/db/client";
import { enqueue } from "@/lib/jobs/boss";
import { logger } from "@/lib/log";
import { STALE_SENDING_MS } from "@/lib/telephony/claim-message";

export async function sweepOutboxJob() {
  const now = Date.now();
  const stuck = await db.message.findMany({
    where: {
      direction: "outbound",
      messageSid: null,
      OR: [
        { status: "queued", createdAt: { lt: new Date(now - 60_000) } },
        { status: "sending", sendStartedAt: { lt: new Date(now - STALE_SENDING_MS) } },
      ],
    },
    select: { id: true },
    orderBy: { createdAt: "asc" },
    take: 500,
  });
  for (const message of stuck) {
    await enqueue("send-message", { messageId: message.id }, { singletonKey: message.id });
  }
  if (stuck.length > 0) logger.info({ count: stuck.length }, "outbox sweep re-enqueued messages");
}
