// Asks for notification permission at a sensible moment: on the member's tap, never on first load. Hidden once
// granted (the device is re-registered quietly so a changed subscription is kept current) or denied.
"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { enablePush, isPushSupported } from "@/components/inbox/push-subscription";

export function EnablePushBanner() {
  const [state, setState] = useState<"hidden" | "ask" | "working" | "denied">("hidden");

  useEffect(() => {
    if (!isPushSupported()) return;
    if (Notification.permission === "default") {
      const show = setTimeout(() => setState("ask"), 0);
      return () => clearTimeout(show);
    }
    if (Notification.permission === "granted") void enablePush().catch(() => undefined);
  }, []);

  if (state === "hidden") return null;
  if (state === "denied") {
    return (
      <p className="rounded-xl bg-amber-50 p-3 text-sm text-amber-900">
        Notifications are blocked for this app. Allow them in your browser settings to hear about missed calls.
      </p>
    );
  }
  return (
    <div
      className="flex items-center gap-3 rounded-2xl bg-brand-50 p-3 ring-1 ring-brand-100"
      data-testid="enable-push"
    >
      <p className="flex-1 text-sm text-slate-800">
        Get a notification the moment you miss a call, with one tap to take over.
      </p>
      <Button
        disabled={state === "working"}
        onClick={() => {
          setState("working");
          enablePush()
            .then((result) => setState(result === "enabled" ? "hidden" : "denied"))
            .catch(() => setState("ask"));
        }}
      >
        Turn on
      </Button>
    </div>
  );
}
