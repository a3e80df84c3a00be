// Settings → "Notifications & devices": my registered devices (push) and my notification preferences.
"use client";

import { NotificationPrefsForm } from "@/components/inbox/notification-prefs-form";
import { PushDeviceList } from "@/components/inbox/push-device-list";

export function NotificationDevices() {
  return (
    <div className="mt-4 space-y-6">
      <PushDeviceList />
      <hr className="border-slate-200" />
      <NotificationPrefsForm />
    </div>
  );
}
