// The deliver-webhook job: POST one stored event to one CRM endpoint, signed. 2xx = delivered. Anything else is
// recorded on the delivery (status code or error) and thrown, so pg-boss retries with backoff; after the last
// retry the delivery is marked failed. The event id header lets the receiver drop duplicates (at-least-once).
import { db } from "@/lib/db/client";
import { queues } from "@/lib/jobs/queues";
import { logger } from "@/lib/log";
import { OutboundBlockedError, OutboundTimeoutError, postOutbound } from "@/lib/outbound/post-outbound";
import { signWebhookBody } from "@/lib/webhooks/sign-webhook";

const TIMEOUT_MS = 10_000;

// The URL is the owner's; the outbound rule holds (public https addresses only, pinned at connect, no redirects).
// The delivery log says what happened in a few fixed words: a blocked address, a timeout, a network error, or the
// status. It never echoes a resolved address or a socket error, which would make the log a network probe.
async function post(url: string, body: string, headers: Record<string, string>) {
  try {
    const { status } = await postOutbound(url, {
      headers: { "content-type": "application/json", "user-agent": "Ringback-Webhooks/1", ...headers },
      body,
      timeoutMs: TIMEOUT_MS,
    });
    const isOk = status >= 200 && status < 300;
    return { statusCode: status, error: isOk ? null : `HTTP ${status}`, isFinal: false };
  } catch (error) {
    // Retrying cannot make a private address public: this delivery fails now.
    if (error instanceof OutboundBlockedError) return { statusCode: null, error: error.message, isFinal: true };
    if (error instanceof OutboundTimeoutError) {
      return { statusCode: null, error: `timeout after ${TIMEOUT_MS / 1000} s`, isFinal: false };
    }
    return { statusCode: null, error: "could not connect", isFinal: false };
  }
}

export async function deliverWebhookJob(
  { deliveryId }: { deliveryId: string },
  job?: { retryCount: number; retryLimit?: number },
) {
  const delivery = await db.webhookDelivery.findUnique({
    where: { id: deliveryId },
    include: { endpoint: { select: { url: true, secret: true, isActive: true } } },
  });
  if (!delivery || delivery.status !== "pending") return;
  if (!delivery.endpoint.isActive) {
    await db.webhookDelivery.update({
      where: { id: deliveryId },
      data: { status: "failed", lastError: "endpoint disabled" },
    });
    return;
  }
  const body = JSON.stringify(delivery.payload);
  const timestamp = Math.floor(Date.now() / 1000);
  const result = await post(delivery.endpoint.url, body, {
    "Ringback-Signature": signWebhookBody({ secret: delivery.endpoint.secret, body, timestamp }),
    "Ringback-Event-Id": delivery.eventId,
    "Ringback-Event-Type": delivery.eventType,
  });
  const isSuccess = result.error === null;
  const retryLimit = job?.retryLimit ?? queues.deliverWebhook.retryLimit;
  const isLastAttempt = result.isFinal || (job?.retryCount ?? 0) >= retryLimit;
  await db.webhookDelivery.update({
    where: { id: deliveryId },
    data: {
      attempts: { increment: 1 },
      lastStatusCode: result.statusCode,
      lastError: result.error,
      status: isSuccess ? "succeeded" : isLastAttempt ? "failed" : "pending",
      deliveredAt: isSuccess ? new Date() : null,
      nextAttemptAt: null,
    },
  });
  if (isSuccess) return;
  logger.warn(
    { deliveryId, statusCode: result.statusCode, attempt: (job?.retryCount ?? 0) + 1 },
    "webhook delivery failed",
  );
  if (!isLastAttempt) throw new Error(`webhook delivery failed: ${result.error}`);
}
