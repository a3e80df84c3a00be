"use client";
// How long the AI waits after a customer's text before it replies (the business's human-priority window): a few
// sensible choices, the server's default, and a value set through the API that is none of them (kept, not lost).
import { controlClassName, Field } from "@/components/ui/field";
import type { SectionProps } from "@/components/settings/section-props";

const CHOICES_SECONDS = [30, 60, 120, 300, 600];

/** "30 seconds", "1 minute", "5 minutes", "90 seconds" */
export function formatDelay(seconds: number): string {
  if (seconds >= 60 && seconds % 60 === 0) {
    const minutes = seconds / 60;
    return `${minutes} minute${minutes === 1 ? "" : "s"}`;
  }
  return `${seconds} second${seconds === 1 ? "" : "s"}`;
}

export function EngageDelayField({
  draft,
  onChange,
  errors,
  defaultSeconds,
}: SectionProps & {
  /** what the business gets while it has not chosen (the server's AI_ENGAGE_DELAY_SECONDS) */
  defaultSeconds: number;
}) {
  const value = draft.aiEngageDelaySeconds;
  const choices =
    value === null || CHOICES_SECONDS.includes(value)
      ? CHOICES_SECONDS
      : [...CHOICES_SECONDS, value].sort((a, b) => a - b);
  return (
    <Field
      label="Wait before the AI replies"
      hint="After a customer texts, you have this long to answer yourself. If nobody has, the AI replies."
      error={errors.aiEngageDelaySeconds}
    >
      {(control) => (
        <select
          {...control}
          name="aiEngageDelaySeconds"
          className={controlClassName}
          value={value === null ? "default" : String(value)}
          onChange={(event) =>
            onChange({
              aiEngageDelaySeconds: event.target.value === "default" ? null : Number(event.target.value),
            })
          }
        >
          <option value="default">Standard ({formatDelay(defaultSeconds)})</option>
          {choices.map((seconds) => (
            <option key={seconds} value={seconds}>
              {formatDelay(seconds)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
