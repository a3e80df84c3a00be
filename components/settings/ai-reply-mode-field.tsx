"use client";
// Who sends the AI's replies: the AI itself, or a person who approves each draft; and whether a draft nobody acts on
// goes out on its own after a delay (never, unless the owner says so).
import { clsx } from "clsx";
import { NumberField } from "@/components/settings/number-field";
import type { SectionProps } from "@/components/settings/section-props";
import { Switch } from "@/components/ui/switch";

const DEFAULT_AUTO_SEND_MINUTES = 15;

const modeChoices = [
  { value: "auto", title: "Let the AI reply", hint: "It texts the customer as soon as its turn comes." },
  {
    value: "approve",
    title: "AI suggests, I approve",
    hint: "Each reply waits as a draft: you get a notification and send, edit or discard it.",
  },
] as const;

export function AiReplyModeField({ draft, onChange, errors }: SectionProps) {
  const autoSendMinutes = draft.aiDraftAutoSendMinutes;
  return (
    <>
      <fieldset className="space-y-2" data-testid="ai-reply-mode">
        <legend className="text-base font-medium text-slate-900">Who sends the AI&apos;s replies</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {modeChoices.map((choice) => (
            <label
              key={choice.value}
              className={clsx(
                "flex min-h-11 cursor-pointer items-start gap-2 rounded-xl border px-3 py-2 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600",
                draft.aiReplyMode === choice.value ? "border-brand-600 bg-brand-50" : "border-slate-200",
              )}
            >
              <input
                type="radio"
                name="aiReplyMode"
                value={choice.value}
                className="mt-0.5 h-5 w-5 shrink-0 accent-brand-600"
                checked={draft.aiReplyMode === choice.value}
                onChange={() => onChange({ aiReplyMode: choice.value })}
              />
              <span>
                <span className="block text-base font-medium text-slate-900">{choice.title}</span>
                <span className="block text-sm text-slate-600">{choice.hint}</span>
              </span>
            </label>
          ))}
        </div>
        {errors.aiReplyMode ? (
          <p className="text-sm text-red-700" role="alert">
            {errors.aiReplyMode}
          </p>
        ) : null}
      </fieldset>
      {draft.aiReplyMode === "approve" ? (
        <>
          <Switch
            label="Send unanswered drafts automatically"
            description="Off: a draft waits until someone sends or discards it."
            name="aiDraftAutoSend"
            checked={autoSendMinutes !== null}
            onChange={(isOn) => onChange({ aiDraftAutoSendMinutes: isOn ? DEFAULT_AUTO_SEND_MINUTES : null })}
          />
          {autoSendMinutes !== null ? (
            <NumberField
              label="Send a draft nobody acted on after"
              unit="minutes"
              min={1}
              max={1440}
              value={autoSendMinutes}
              error={errors.aiDraftAutoSendMinutes}
              onChange={(aiDraftAutoSendMinutes) => onChange({ aiDraftAutoSendMinutes })}
            />
          ) : null}
        </>
      ) : null}
    </>
  );
}
