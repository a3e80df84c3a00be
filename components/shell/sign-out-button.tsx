"use client";
// Ends this session and returns to /login; this device stops receiving the member's push notifications first.
import { signOut } from "next-auth/react";
import { clsx } from "clsx";
import { disablePushOnThisDevice } from "@/components/inbox/push-subscription";
import { NavIcon } from "@/components/shell/nav-icon";

export function SignOutButton({ className }: { className?: string }) {
  return (
    <button
      type="button"
      onClick={() =>
        void disablePushOnThisDevice()
          .catch(() => undefined)
          .then(() => signOut({ callbackUrl: "/login" }))
      }
      className={clsx(
        "inline-flex min-h-11 items-center gap-2 rounded-xl px-3 text-base font-medium text-slate-700 hover:bg-slate-100",
        "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600",
        className,
      )}
    >
      <NavIcon name="signOut" className="h-5 w-5" />
      Sign out
    </button>
  );
}
