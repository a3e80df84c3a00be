"use client";
// One auto-reply template: the textarea, its length, and unknown placeholders named while typing (the server
// refuses them too, with the same words).
import { controlClassName, Field } from "@/components/ui/field";
import { describeUnknownPlaceholders, findUnknownPlaceholders } from "@/lib/business/auto-reply-template";

export function AutoReplyTemplateField({
  label,
  name,
  testId,
  lang,
  value,
  error,
  onChange,
}: {
  label: string;
  name: string;
  testId: string;
  lang?: string;
  value: string;
  error?: string;
  onChange: (value: string) => void;
}) {
  const unknown = findUnknownPlaceholders(value);
  return (
    <Field
      label={label}
      hint={`${value.length} / 480 characters`}
      error={error ?? (unknown.length > 0 ? describeUnknownPlaceholders(unknown) : undefined)}
    >
      {(control) => (
        <textarea
          {...control}
          name={name}
          lang={lang}
          data-testid={testId}
          rows={4}
          maxLength={480}
          className={controlClassName}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
