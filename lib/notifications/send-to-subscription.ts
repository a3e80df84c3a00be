// One encrypted web push to one device. web-push builds the request (RFC 8291 encryption, the VAPID JWT, TTL,
// Urgency); it is sent through the outbound rule's pinned agent (lib/outbound/post-outbound.ts): a device endpoint
// is a URL a member handed us, so it may reach only public addresses, and a redirect is an answer, not a hop.
import webpush from "web-push";
import { PUSH_REQUEST_TIMEOUT_MS } from "@/lib/jobs/recovery-timing";
import type { VapidDetails } from "@/lib/notifications/vapid";
import { OutboundBlockedError, postOutbound } from "@/lib/outbound/post-outbound";

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
    const response = await postOutbound(request.endpoint, {
      headers: request.headers as Record<string, string>,
      body: new Uint8Array(request.body),
      timeoutMs: options.timeoutMs ?? PUSH_REQUEST_TIMEOUT_MS,
    });
    status = response.status;
  } catch (error) {
    // A private or local address: refused before connecting, and never worth another try.
    if (error instanceof OutboundBlockedError) return { outcome: "rejected", status: null };
    return { outcome: "retry", status: null }; // network trouble: worth another try
  }
  if (status >= 200 && status < 300) return { outcome: "delivered", status };
  // RFC 8030: 404/410 mean the subscription is gone for good.
  if (status === 404 || status === 410) return { outcome: "gone", status };
  if (status === 429 || status >= 500) return { outcome: "retry", status };
  return { outcome: "rejected", status }; // 3xx/400/403/413: retrying the same request cannot help
}
