// Me: who is signed in, signing out, changing my password.
import { Card } from "@/components/ui/card";
import { ChangePasswordForm } from "@/components/settings/change-password-form";
import { SignOutButton } from "@/components/shell/sign-out-button";

export function AccountSection({ email, name }: { email: string; name: string }) {
  return (
    <Card id="account" title="My account">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-base">
          Signed in as <strong>{name || email}</strong>
          {name ? <span className="text-slate-500"> ({email})</span> : null}
        </p>
        <SignOutButton className="ring-1 ring-inset ring-slate-300" />
      </div>
      <div className="border-t border-slate-100 pt-4">
        <ChangePasswordForm email={email} />
      </div>
    </Card>
  );
}
