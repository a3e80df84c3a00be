// Settings → my notification preferences: which events push to me, quiet hours (emergencies always come through)
// and my own phone (escalation texts, emergency calls, and the phone "Call back" rings).
"use client";

import { useState } from "react";
import useSWR from "swr";
import { Button } from "@/components/ui/button";
import { Field, controlBaseClassName, controlClassName } from "@/components/ui/field";
import { Switch } from "@/components/ui/switch";
import { ApiError, fetchJson, postJson } from "@/components/inbox/fetch-json";
import { errorAt, fieldErrorsFrom } from "@/components/settings/settings-draft";
import { useFocusFirstError } from "@/components/ui/use-focus-first-error";

type Prefs = {
  notify: { missed_call: boolean; customer_reply: boolean; ai_handoff: boolean };
  quietStart: string | null;
  quietEnd: string | null;
  phone: string | null;
};

const eventLabels: { key: keyof Prefs["notify"]; label: string }[] = [
  { key: "missed_call", label: "Missed calls" },
  { key: "customer_reply", label: "Customer replies" },
  { key: "ai_handoff", label: "The AI hands a conversation to you" },
];

function PrefsForm({ initial, onSaved }: { initial: Prefs; onSaved: (prefs: Prefs) => void }) {
  const [notify, setNotify] = useState(initial.notify);
  const [quietStart, setQuietStart] = useState(initial.quietStart ?? "");
  const [quietEnd, setQuietEnd] = useState(initial.quietEnd ?? "");
  const [phone, setPhone] = useState(initial.phone ?? "");
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const formRef = useFocusFirstError(errors);

  async function save(event: React.FormEvent) {
    event.preventDefault();
    setSaving(true);
    setStatus(null);
    try {
      const { preferences } = await postJson<{ preferences: Prefs }>(
        "/api/account/notifications",
        { notify, quietStart: quietStart || null, quietEnd: quietEnd || null, phone: phone.trim() || null },
        "PATCH",
      );
      setPhone(preferences.phone ?? "");
      onSaved(preferences);
      setErrors({});
      setStatus({ ok: true, text: "Saved." });
    } catch (cause) {
      const fieldErrors = cause instanceof ApiError ? fieldErrorsFrom(cause.details) : {};
      setErrors(fieldErrors);
      setStatus({
        ok: false,
        text:
          Object.keys(fieldErrors).length > 0
            ? "Not saved: fix the highlighted field."
            : cause instanceof Error
              ? cause.message
              : "Could not save.",
      });
    } finally {
      setSaving(false);
    }
  }

  return (
    <form ref={formRef} onSubmit={save} className="space-y-4" data-testid="notification-prefs">
      <h3 className="font-semibold text-slate-900">Notify me about</h3>
      {eventLabels.map(({ key, label }) => (
        <Switch
          key={key}
          label={label}
          checked={notify[key]}
          onChange={(checked) => setNotify({ ...notify, [key]: checked })}
        />
      ))}
      <p className="text-sm text-slate-500">Emergencies always notify you, even in quiet hours.</p>
      <div className="flex flex-wrap gap-4">
        <Field label="Quiet hours from" error={errors.quietStart}>
          {(control) => (
            <input
              {...control}
              type="time"
              value={quietStart}
              onChange={(e) => setQuietStart(e.target.value)}
              className={controlBaseClassName}
            />
          )}
        </Field>
        <Field label="until" error={errors.quietEnd}>
          {(control) => (
            <input
              {...control}
              type="time"
              value={quietEnd}
              onChange={(e) => setQuietEnd(e.target.value)}
              className={controlBaseClassName}
            />
          )}
        </Field>
      </div>
      <Field
        label="My phone"
        hint="For escalation texts, emergency calls and Call back (Ringback rings this phone first)."
        error={errorAt(errors, "phone")}
      >
        {(control) => (
          <input
            {...control}
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
            placeholder="+1 415 555 0100"
            className={controlClassName}
          />
        )}
      </Field>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={saving} data-testid="notification-prefs-save">
          {saving ? "Saving…" : "Save preferences"}
        </Button>
        {status ? (
          <p className={status.ok ? "text-sm text-emerald-700" : "text-sm text-red-700"} role="status">
            {status.text}
          </p>
        ) : null}
      </div>
    </form>
  );
}

export function NotificationPrefsForm() {
  const { data, error, mutate } = useSWR<{ preferences: Prefs }>("/api/account/notifications", fetchJson);
  if (error) return <p className="text-sm text-red-700">Could not load your notification preferences.</p>;
  if (!data) return <p className="text-sm text-slate-500">Loading…</p>;
  return (
    <PrefsForm
      initial={data.preferences}
      onSaved={(preferences) => void mutate({ preferences }, { revalidate: false })}
    />
  );
}
