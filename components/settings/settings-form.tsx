"use client";
// Every business setting in one form: edit, then save once. Only changed fields are sent; a 422 puts each
// message next to its field and takes the person to the first one.
import type { TimeZoneOption } from "@/components/settings/time-zones";
import { clsx } from "clsx";
import { useRouter } from "next/navigation";
import { useLayoutEffect, useState, useSyncExternalStore, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { useFocusFirstError } from "@/components/ui/use-focus-first-error";
import { AssistantSection } from "@/components/settings/assistant-section";
import { AutoReplySection } from "@/components/settings/auto-reply-section";
import { CallsSection } from "@/components/settings/calls-section";
import { FollowUpSection } from "@/components/settings/follow-up-section";
import { HoursSection } from "@/components/settings/hours-section";
import { ProfileSection } from "@/components/settings/profile-section";
import {
  changedSettings,
  draftFromSettings,
  fieldErrorsFrom,
  type SavedSettings,
  type SettingsDraft,
} from "@/components/settings/settings-draft";

const subscribeNever = () => () => {};

/** The fields a person types into (a radio's or checkbox's value is not what was chosen). */
const TYPED_FIELDS =
  'input[name]:not([type]), input[name][type="text"], input[name][type="url"], input[name][type="tel"], textarea[name]';

type Status = { kind: "idle" } | { kind: "saving" } | { kind: "saved" } | { kind: "error"; message: string };

/** `canEdit`: only an owner changes the business settings (a member sees them read-only; the API answers 403). */
export function SettingsForm({
  initial,
  timeZones,
  canEdit = true,
  twilioNumber,
}: {
  initial: SavedSettings;
  timeZones: TimeZoneOption[];
  canEdit?: boolean;
  /** the business's Ringback (Twilio) number, filled into the call forwarding codes */
  twilioNumber: string | null;
}) {
  const router = useRouter();
  const [saved, setSaved] = useState(initial);
  const [initialDraft] = useState(() => draftFromSettings(initial));
  const [draft, setDraft] = useState(initialDraft);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const formRef = useFocusFirstError(errors);
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  // Typing into the server-rendered form before React takes it over would be reset by hydration: the marker lets
  // automation (and styles) know when the form is live.
  const isHydrated = useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );
  // The header's availability toggle saves on its own; follow it here unless this form changed it too.
  const [serverAvailable, setServerAvailable] = useState(initial.available);
  if (initial.available !== serverAvailable) {
    setServerAvailable(initial.available);
    setSaved((current) => ({ ...current, available: initial.available }));
    setDraft((current) =>
      current.available === saved.available ? { ...current, available: initial.available } : current,
    );
  }
  // Text typed into the server-rendered form before React took it over: React leaves it in the fields while it
  // hydrates, but its state does not know it, and the next render would put the saved values back. Adopt it before
  // that render (fields carry their setting's name).
  useLayoutEffect(() => {
    const typed: Record<string, string> = {};
    for (const field of formRef.current?.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(TYPED_FIELDS) ?? []) {
      const key = field.name as keyof SettingsDraft;
      if (typeof initialDraft[key] === "string" && field.value !== initialDraft[key]) typed[key] = field.value;
    }
    // The DOM is the outside system read here, once, at hydration; afterwards every keystroke goes through onChange.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (Object.keys(typed).length > 0) setDraft((current) => ({ ...current, ...(typed as Partial<SettingsDraft>) }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const changes = changedSettings(saved, draft);
  const isDirty = Object.keys(changes).length > 0;

  const onChange = (patch: Partial<SettingsDraft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    if (status.kind === "saved") setStatus({ kind: "idle" });
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!isDirty) return;
    setStatus({ kind: "saving" });
    try {
      const response = await fetch("/api/business", {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(changes),
      });
      const body = await response.json().catch(() => ({}));
      if (!response.ok) {
        const fieldErrors = fieldErrorsFrom(body?.error?.details);
        const message = body?.error?.message ?? "Could not save. Try again.";
        setErrors(fieldErrors);
        setStatus({
          kind: "error",
          message: Object.keys(fieldErrors).length > 0 ? `${message} Fix the highlighted field.` : message,
        });
        return;
      }
      setSaved(body as SavedSettings);
      setDraft(draftFromSettings(body as SavedSettings));
      setErrors({});
      setStatus({ kind: "saved" });
      router.refresh();
    } catch {
      setStatus({ kind: "error", message: "Ringback could not be reached. Your changes are still here; try again." });
    }
  }

  const sectionProps = { draft, onChange, errors };
  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      className="space-y-6"
      aria-label="Business settings"
      data-hydrated={isHydrated ? "true" : "false"}
    >
      {canEdit ? null : (
        <p className="rounded-xl bg-slate-100 px-4 py-3 text-sm text-slate-700" data-testid="settings-read-only">
          Only an owner can change these settings. You can still set yourself available or on a job at the top.
        </p>
      )}
      <fieldset disabled={!canEdit} className={clsx("min-w-0 space-y-6", !canEdit && "opacity-80")}>
        <ProfileSection {...sectionProps} />
        <HoursSection {...sectionProps} timeZones={timeZones} />
        <CallsSection {...sectionProps} twilioNumber={twilioNumber} />
        <AutoReplySection {...sectionProps} />
        <AssistantSection {...sectionProps} defaultEngageDelaySeconds={saved.defaultAiEngageDelaySeconds} />
        <FollowUpSection {...sectionProps} />
      </fieldset>
      {/* Pinned above the bottom navigation while there is something to save or to read. */}
      {canEdit ? (
        <div
          className={clsx(
            "z-10 flex items-center justify-end gap-3 rounded-2xl bg-white/95 p-3 ring-1 ring-slate-200 backdrop-blur",
            (isDirty || status.kind !== "idle") &&
              "sticky bottom-[calc(var(--bottom-nav-height)+0.5rem)] shadow-lg md:bottom-4",
          )}
        >
          <p role="status" data-testid="settings-status" className="mr-auto text-sm font-medium">
            {status.kind === "saved" ? <span className="text-emerald-700">Saved</span> : null}
            {status.kind === "error" ? <span className="text-red-700">{status.message}</span> : null}
            {status.kind !== "saved" && status.kind !== "error" && isDirty ? (
              <span className="text-slate-600">Unsaved changes</span>
            ) : null}
          </p>
          {isDirty ? (
            <Button
              look="ghost"
              onClick={() => {
                setDraft(draftFromSettings(saved));
                setErrors({});
                setStatus({ kind: "idle" });
              }}
            >
              Discard
            </Button>
          ) : null}
          <Button type="submit" disabled={!isDirty || status.kind === "saving"}>
            {status.kind === "saving" ? "Saving…" : "Save settings"}
          </Button>
        </div>
      ) : null}
    </form>
  );
}
