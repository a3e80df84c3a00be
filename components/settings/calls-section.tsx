"use client";
// How calls reach the professional and what counts as missed.
import { clsx } from "clsx";
import { Card } from "@/components/ui/card";
import { controlClassName, Field } from "@/components/ui/field";
import { Switch } from "@/components/ui/switch";
import { ForwardingCodes } from "@/components/settings/forwarding-codes";
import { NumberField } from "@/components/settings/number-field";
import type { SectionProps } from "@/components/settings/section-props";
import { errorAt } from "@/components/settings/settings-draft";

const routingModes = [
  {
    value: "ring_first",
    title: "Ring my phone first",
    text: "Ringback forwards the call to your phone; if you don't pick up, the caller gets a text.",
  },
  {
    value: "forwarded",
    title: "Calls arrive already missed",
    text: "Your carrier forwards unanswered calls to Ringback; every call that arrives is a missed one.",
  },
] as const;

export function CallsSection({
  draft,
  onChange,
  errors,
  twilioNumber,
}: SectionProps & { twilioNumber: string | null }) {
  return (
    <Card id="calls" title="Calls" description="How calls reach you and when a call counts as missed.">
      <fieldset className="space-y-2">
        <legend className="text-base font-medium text-slate-900">Routing</legend>
        {routingModes.map((mode) => (
          <label
            key={mode.value}
            className={clsx(
              "flex cursor-pointer gap-3 rounded-xl border p-3 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600",
              draft.routingMode === mode.value ? "border-brand-600 bg-brand-50" : "border-slate-200",
            )}
          >
            <input
              type="radio"
              name="routingMode"
              value={mode.value}
              className="mt-1 h-5 w-5 accent-brand-600"
              checked={draft.routingMode === mode.value}
              onChange={() => onChange({ routingMode: mode.value })}
            />
            <span>
              <span className="block font-medium">{mode.title}</span>
              <span className="block text-sm text-slate-600">{mode.text}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {draft.routingMode === "ring_first" ? (
        <>
          <Field
            label="Forward calls to"
            hint="Your mobile number, e.g. (415) 555-0123 or +44 20 7946 0958."
            error={errors.forwardTo}
          >
            {(control) => (
              <input
                {...control}
                type="tel"
                inputMode="tel"
                autoComplete="tel"
                className={controlClassName}
                name="forwardTo"
                value={draft.forwardTo}
                onChange={(event) => onChange({ forwardTo: event.target.value })}
              />
            )}
          </Field>
          <NumberField
            label="Ring for"
            unit="seconds"
            min={5}
            max={60}
            value={draft.ringTimeoutSeconds}
            error={errors.ringTimeoutSeconds}
            onChange={(ringTimeoutSeconds) => onChange({ ringTimeoutSeconds })}
          />
          <Switch
            label="Announce Ringback calls"
            description="You hear “Call for your business, press 1 to take it” first; your voicemail cannot press 1, so it counts as missed."
            checked={draft.whisperEnabled}
            onChange={(whisperEnabled) => onChange({ whisperEnabled })}
          />
          <NumberField
            label="Shorter answered calls count as missed"
            unit="seconds"
            hint="Catches your carrier's voicemail picking up."
            min={0}
            max={60}
            value={draft.minAnsweredSeconds}
            error={errors.minAnsweredSeconds}
            onChange={(minAnsweredSeconds) => onChange({ minAnsweredSeconds })}
          />
        </>
      ) : (
        <ForwardingCodes twilioNumber={twilioNumber} />
      )}
      <NumberField
        label="Repeat calls within"
        unit="minutes"
        hint="A caller who tries again within this window gets no second text."
        min={0}
        max={1440}
        value={draft.repeatWindowMinutes}
        error={errors.repeatWindowMinutes}
        onChange={(repeatWindowMinutes) => onChange({ repeatWindowMinutes })}
      />
      <Field
        label="Never text these numbers"
        hint="One per line: family, suppliers."
        error={errorAt(errors, "ignoreList")}
      >
        {(control) => (
          <textarea
            {...control}
            rows={3}
            className={controlClassName}
            name="ignoreList"
            value={draft.ignoreList}
            onChange={(event) => onChange({ ignoreList: event.target.value })}
          />
        )}
      </Field>
      <Field label="Voice greeting" hint="What a caller hears when the call is missed." error={errors.greetingMessage}>
        {(control) => (
          <textarea
            {...control}
            rows={2}
            className={controlClassName}
            name="greetingMessage"
            value={draft.greetingMessage}
            onChange={(event) => onChange({ greetingMessage: event.target.value })}
          />
        )}
      </Field>
      <Switch
        label="Check for landlines"
        description="Twilio Lookup checks each new number once, so landlines are not texted (a small Twilio charge)."
        checked={draft.lookupEnabled}
        onChange={(lookupEnabled) => onChange({ lookupEnabled })}
      />
    </Card>
  );
}
