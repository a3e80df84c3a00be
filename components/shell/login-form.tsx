"use client";
// Email + password sign-in through next-auth's credentials provider. signIn() fetches the CSRF token itself,
// so no SessionProvider is needed. Unknown email and wrong password get the same message on purpose.
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { safeCallbackPath } from "@/components/shell/safe-callback-path";
import { Button } from "@/components/ui/button";
import { controlClassName, Field } from "@/components/ui/field";

const messages: Record<string, string> = {
  CredentialsSignin: "That email and password don't match. Check both and try again.",
  RateLimited: "Too many sign-in attempts. Wait a few minutes and try again.",
};

export function LoginForm({ callbackUrl, initialError }: { callbackUrl?: string; initialError?: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | undefined>(
    initialError ? (messages[initialError] ?? messages.CredentialsSignin) : undefined,
  );
  const [isPending, setIsPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setIsPending(true);
    setError(undefined);
    try {
      const result = await signIn("credentials", {
        redirect: false,
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
      });
      if (!result || result.error || !result.ok) {
        setError(messages[result?.error ?? ""] ?? messages.CredentialsSignin);
        return;
      }
      router.replace(safeCallbackPath(callbackUrl, window.location.origin));
      router.refresh();
    } catch {
      setError("Ringback could not be reached. Check your connection and try again.");
    } finally {
      setIsPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate={false}>
      <Field label="Email">
        {(control) => (
          <input
            {...control}
            name="email"
            type="email"
            autoComplete="username"
            inputMode="email"
            required
            className={controlClassName}
          />
        )}
      </Field>
      <Field label="Password">
        {(control) => (
          <input
            {...control}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            className={controlClassName}
          />
        )}
      </Field>
      {error ? (
        <p
          role="alert"
          data-testid="login-error"
          className="rounded-xl bg-red-50 px-3 py-2 text-sm font-medium text-red-800"
        >
          {error}
        </p>
      ) : null}
      <Button type="submit" className="w-full" disabled={isPending}>
        {isPending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
