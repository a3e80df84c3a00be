"use client";
// An owner adds a person: email, name, a starting password (they can change it later) and a role.
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { controlClassName, Field } from "@/components/ui/field";
import { fieldErrorsFrom } from "@/components/settings/settings-draft";
import { useFocusFirstError } from "@/components/ui/use-focus-first-error";

export function AddMemberForm({ onAdded }: { onAdded: () => void }) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const formRef = useFocusFirstError(errors);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | undefined>();
  const [isPending, setIsPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setIsPending(true);
    setMessage(undefined);
    try {
      const response = await fetch("/api/members", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          email: data.get("email"),
          name: data.get("name"),
          password: data.get("password"),
          role: data.get("role"),
        }),
      });
      const body = await response.json().catch(() => ({}));
      if (!response.ok) {
        const fieldErrors = fieldErrorsFrom(body?.error?.details);
        setErrors(fieldErrors);
        setMessage({
          tone: "error",
          text:
            Object.keys(fieldErrors).length > 0
              ? "Not added: fix the highlighted field."
              : (body?.error?.message ?? "Could not add. Try again."),
        });
        return;
      }
      form.reset();
      setErrors({});
      setMessage({ tone: "ok", text: `${body.name} can now sign in with ${body.email}.` });
      onAdded();
    } catch {
      setMessage({ tone: "error", text: "Ringback could not be reached. Try again." });
    } finally {
      setIsPending(false);
    }
  }

  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      className="space-y-3 border-t border-slate-100 pt-4"
      aria-label="Add a person"
    >
      <h3 className="text-base font-semibold">Add a person</h3>
      <div className="grid gap-3 md:grid-cols-2">
        <Field label="Email" error={errors.email}>
          {(control) => (
            <input {...control} name="email" type="email" autoComplete="off" required className={controlClassName} />
          )}
        </Field>
        <Field label="Name" error={errors.name}>
          {(control) => <input {...control} name="name" required className={controlClassName} />}
        </Field>
        <Field label="Starting password" hint="8 to 128 characters. Share it privately." error={errors.password}>
          {(control) => (
            <input
              {...control}
              name="password"
              type="password"
              autoComplete="new-password"
              minLength={8}
              maxLength={128}
              required
              className={controlClassName}
            />
          )}
        </Field>
        <Field label="Role" error={errors.role}>
          {(control) => (
            <select {...control} name="role" defaultValue="member" className={controlClassName}>
              <option value="member">Member: inbox and leads</option>
              <option value="owner">Owner: also settings and team</option>
            </select>
          )}
        </Field>
      </div>
      {message ? (
        <p
          role={message.tone === "error" ? "alert" : "status"}
          className={
            message.tone === "error" ? "text-sm font-medium text-red-700" : "text-sm font-medium text-emerald-700"
          }
        >
          {message.text}
        </p>
      ) : null}
      <Button type="submit" look="secondary" disabled={isPending}>
        {isPending ? "Adding…" : "Add person"}
      </Button>
    </form>
  );
}
