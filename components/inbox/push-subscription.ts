// Browser side of web push: subscribe this device with the server's VAPID key and register it.
"use client";

import { ApiError, fetchJson, postJson } from "@/components/inbox/fetch-json";

export function isPushSupported(): boolean {
  return (
    typeof window !== "undefined" && "serviceWorker" in navigator && "PushManager" in window && "Notification" in window
  );
}

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = (base64url + "=".repeat((4 - (base64url.length % 4)) % 4)).replace(/-/g, "+").replace(/_/g, "/");
  const raw = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let index = 0; index < raw.length; index += 1) bytes[index] = raw.charCodeAt(index);
  return bytes;
}

/** Asks permission (call it from a tap), subscribes and registers the device. */
export async function enablePush(): Promise<"enabled" | "denied"> {
  const permission = await Notification.requestPermission();
  if (permission !== "granted") return "denied";
  const registration = await navigator.serviceWorker.ready;
  const { publicKey } = await fetchJson<{ publicKey: string }>("/api/push/vapid-public-key");
  const subscribe = () =>
    registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) });
  const subscription = (await registration.pushManager.getSubscription()) ?? (await subscribe());
  try {
    await postJson("/api/push/subscriptions", subscription.toJSON());
  } catch (error) {
    // The browser kept the endpoint of someone who used this device before: the server refuses to move it, so
    // this device gets a fresh endpoint of its own.
    if (!(error instanceof ApiError && error.status === 409)) throw error;
    await subscription.unsubscribe();
    await postJson("/api/push/subscriptions", (await subscribe()).toJSON());
  }
  return "enabled";
}

/** On sign-out: this device stops receiving the member's notifications (best effort, never blocks signing out). */
export async function disablePushOnThisDevice(): Promise<void> {
  if (!isPushSupported()) return;
  const registration = await navigator.serviceWorker.getRegistration();
  const subscription = await registration?.pushManager.getSubscription();
  if (!subscription) return;
  await postJson("/api/push/subscriptions", { endpoint: subscription.endpoint }, "DELETE").catch(() => undefined);
  await subscription.unsubscribe().catch(() => false);
}
