"use client";
// Change my password. Every session ends (this one too), so the next step is signing in with the new one.
import { signOut } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { controlClassName, Field } from "@/components/ui/field";
import { fieldErrorsFrom } from "@/components/settings/settings-draft";
import { useFocusFirstError } from "@/components/ui/use-focus-first-error";

export function ChangePasswordForm({
  email,
  title = "Change my password",
  intro = "You will be signed out on every device and sign in again with the new password.",
  currentLabel = "Current password",
}: {
  email: string;
  title?: string;
  intro?: string;
  currentLabel?: string;
}) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const formRef = useFocusFirstError(errors);
  const [error, setError] = useState<string | undefined>();
  const [isPending, setIsPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    if (data.get("newPassword") !== data.get("confirmPassword")) {
      setErrors({ confirmPassword: "The two new passwords differ." });
      return;
    }
    setIsPending(true);
    setError(undefined);
    try {
      const response = await fetch("/api/account/password", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ currentPassword: data.get("currentPassword"), newPassword: data.get("newPassword") }),
      });
      if (!response.ok) {
        const body = await response.json().catch(() => ({}));
        const fieldErrors = fieldErrorsFrom(body?.error?.details);
        setErrors(fieldErrors);
        setError(
          Object.keys(fieldErrors).length > 0
            ? "Not changed: fix the highlighted field."
            : (body?.error?.message ?? "Could not change the password."),
        );
        return;
      }
      await signOut({ callbackUrl: "/login" });
    } catch {
      setError("Ringback could not be reached. Try again.");
    } finally {
      setIsPending(false);
    }
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-3" aria-label={title}>
      <h3 className="text-base font-semibold">{title}</h3>
      {/* Lets password managers file the new password under the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <p className="text-sm text-slate-600">{intro}</p>
      <Field label={currentLabel} error={errors.currentPassword}>
        {(control) => (
          <input
            {...control}
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            required
            className={controlClassName}
          />
        )}
      </Field>
      <Field label="New password" hint="8 to 128 characters." error={errors.newPassword}>
        {(control) => (
          <input
            {...control}
            name="newPassword"
            type="password"
            autoComplete="new-password"
            minLength={8}
            maxLength={128}
            required
            className={controlClassName}
          />
        )}
      </Field>
      <Field label="New password again" error={errors.confirmPassword}>
        {(control) => (
          <input
            {...control}
            name="confirmPassword"
            type="password"
            autoComplete="new-password"
            required
            className={controlClassName}
          />
        )}
      </Field>
      {error ? (
        <p role="alert" className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
      <Button type="submit" look="secondary" disabled={isPending}>
        {isPending ? "Changing…" : "Change password"}
      </Button>
    </form>
  );
}
