// Settings → this member's registered devices: remove one, turn push on for this device (the same enablePush the
// inbox banner uses), and send a test notification.
"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import { BusinessTime } from "@/components/display/business-time";
import useSWR from "swr";
import { Button } from "@/components/ui/button";
import { fetchJson, postJson } from "@/components/inbox/fetch-json";
import { enablePush, isPushSupported } from "@/components/inbox/push-subscription";

type Device = {
  id: string;
  endpoint: string;
  userAgent: string | null;
  createdAt: string;
  lastSuccessAt: string | null;
  failureCount: number;
};

function deviceName(userAgent: string | null): string {
  if (!userAgent) return "Unknown device";
  const os = /iPhone|iPad|Android|Mac OS X|Windows|Linux/.exec(userAgent)?.[0]?.replace("Mac OS X", "Mac") ?? "Device";
  const browser = /Edg|Firefox|Chrome|Safari/.exec(userAgent)?.[0]?.replace("Edg", "Edge") ?? "browser";
  return `${browser} on ${os}`;
}

const subscribeNever = () => () => {};

export function PushDeviceList() {
  // False on the server and during hydration, the browser's answer after it: reading it during render made the
  // server's HTML and the first client render differ (React error 418) and reset what was typed on the page.
  const canPush = useSyncExternalStore(subscribeNever, isPushSupported, () => false);
  const { data, error, mutate } = useSWR<{ subscriptions: Device[] }>("/api/push/subscriptions", fetchJson);
  const [thisEndpoint, setThisEndpoint] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!isPushSupported()) return;
    void navigator.serviceWorker.ready
      .then((registration) => registration.pushManager.getSubscription())
      .then((subscription) => setThisEndpoint(subscription?.endpoint ?? null))
      .catch(() => undefined);
  }, [data]);

  async function run(action: () => Promise<string>) {
    setBusy(true);
    setStatus(null);
    try {
      setStatus(await action());
      await mutate();
    } catch (cause) {
      setStatus(cause instanceof Error ? cause.message : "That did not work. Try again.");
    } finally {
      setBusy(false);
    }
  }

  const devices = data?.subscriptions ?? [];
  const isRegisteredHere = devices.some((device) => device.endpoint === thisEndpoint);
  return (
    <div className="space-y-3" data-testid="push-devices">
      <h3 className="font-semibold text-slate-900">Your devices</h3>
      {error ? <p className="text-sm text-red-700">Could not load your devices.</p> : null}
      {data && devices.length === 0 ? (
        <p className="text-sm text-slate-600">No device gets notifications yet.</p>
      ) : null}
      <ul className="divide-y divide-slate-100">
        {devices.map((device) => (
          <li key={device.id} className="flex items-center gap-3 py-2" data-testid="push-device">
            <div className="min-w-0 flex-1 text-sm">
              <p className="font-medium text-slate-900">
                {deviceName(device.userAgent)}
                {device.endpoint === thisEndpoint ? " (this device)" : ""}
              </p>
              <p className="text-slate-600">
                Added <BusinessTime value={device.createdAt} style="date" />
                {device.lastSuccessAt ? (
                  <>
                    {" · last push "}
                    <BusinessTime value={device.lastSuccessAt} />
                  </>
                ) : null}
                {device.failureCount > 0 ? ` · ${device.failureCount} failed` : ""}
              </p>
            </div>
            <Button
              look="danger"
              disabled={busy}
              onClick={() =>
                void run(async () => {
                  await postJson("/api/push/subscriptions", { endpoint: device.endpoint }, "DELETE");
                  return "Device removed.";
                })
              }
            >
              Remove
            </Button>
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-2">
        {canPush && !isRegisteredHere ? (
          <Button
            disabled={busy}
            data-testid="enable-push-device"
            onClick={() =>
              void run(async () => {
                const result = await enablePush();
                return result === "enabled"
                  ? "Notifications are on for this device."
                  : "Notifications are blocked: allow them in your browser settings.";
              })
            }
          >
            Enable notifications on this device
          </Button>
        ) : null}
        <Button
          look="secondary"
          disabled={busy || devices.length === 0}
          data-testid="push-test-button"
          onClick={() =>
            void run(async () => {
              await postJson("/api/push/test");
              return "Test notification sent to your devices.";
            })
          }
        >
          Send test notification
        </Button>
      </div>
      {status ? (
        <p className="text-sm text-slate-700" role="status">
          {status}
        </p>
      ) : null}
    </div>
  );
}
