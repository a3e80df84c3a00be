// One encrypted web push to one device. web-push builds the request (encryption, VAPID, TTL, Urgency); fetch sends
// it, so the outcome is a plain status we can classify.
import webpush from "web-push";
import type { VapidDetails } from "@/lib/notifications/vapid";

export type PushOutcome = "delivered" | "gone" | "retry" | "rejected";

export type DeviceSubscription = { endpoint: string; p256dh: string; auth: string };

export async function sendToSubscription(
  subscription: DeviceSubscription,
  payload: string,
  options: { TTL: number; urgency: "high" | "normal"; vapidDetails: VapidDetails; timeoutMs?: number },
): Promise<{ outcome: PushOutcome; status: number | null }> {
  const request = webpush.generateRequestDetails(
    { endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } },
    payload,
    { TTL: options.TTL, urgency: options.urgency, vapidDetails: options.vapidDetails, contentEncoding: "aes128gcm" },
  );
  let status: number;
  try {
    const response = await fetch(request.endpoint, {
      method: request.method,
      headers: request.headers as Record<string, string>,
      body: new Uint8Array(request.body),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    await response.arrayBuffer().catch(() => undefined);
    status = response.status;
  } catch {
    return { outcome: "retry", status: null }; // network trouble: worth another try
  }
  if (status >= 200 && status < 300) return { outcome: "delivered", status };
  // RFC 8030: 404/410 mean the subscription is gone for good.
  if (status === 404 || status === 410) return { outcome: "gone", status };
  if (status === 429 || status >= 500) return { outcome: "retry", status };
  return { outcome: "rejected", status }; // 400/403/413: retrying the same request cannot help
}
