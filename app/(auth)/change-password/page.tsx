// /change-password — the first sign-in with a generated one-time password: choose your own before anything else
// (every API route answers 403 password_change_required until then). Afterwards, sign in with the new one.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ChangePasswordForm } from "@/components/settings/change-password-form";
import { getPageMember } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Choose your password" };

export default async function ChangePasswordPage() {
  const member = await getPageMember();
  if (!member) redirect("/login");
  if (!member.mustChangePassword) redirect("/inbox");
  return (
    <div className="w-full max-w-sm">
      <div className="mb-6 text-center">
        <p className="text-3xl font-bold tracking-tight text-brand-700">Ringback</p>
        <p className="mt-2 text-base text-slate-600">Welcome, {member.name || member.email}.</p>
      </div>
      <div className="rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200" data-testid="first-password">
        <h1 className="mb-4 text-xl font-semibold">Choose your own password</h1>
        <ChangePasswordForm
          email={member.email}
          title="Your new password"
          intro="You signed in with a one-time password. Choose your own to continue; then sign in with it."
          currentLabel="One-time password"
        />
      </div>
    </div>
  );
}
