"use client";
// The text a caller gets after a missed call, with the exact message they would receive shown as you type.
import { Card } from "@/components/ui/card";
import { controlClassName, Field } from "@/components/ui/field";
import type { SectionProps } from "@/components/settings/section-props";
import { renderAutoReply, templatePlaceholders } from "@/lib/business/auto-reply-template";

const SAMPLE_CALLER = "(415) 555-0142";

export function AutoReplySection({ draft, onChange, errors }: SectionProps) {
  const preview = renderAutoReply({
    template: draft.autoReplyTemplate,
    businessName: draft.name.trim() || "Your business",
    bookingUrl: draft.bookingUrl.trim() || null,
    callerNumber: SAMPLE_CALLER,
  });
  return (
    <Card
      id="auto-reply"
      title="Auto-reply"
      description={
        <>
          Placeholders:{" "}
          {templatePlaceholders.map((item) => (
            <code key={item} className="mr-1 rounded bg-slate-100 px-1">
              {item}
            </code>
          ))}
        </>
      }
    >
      <Field
        label="Message template"
        hint={`${draft.autoReplyTemplate.length} / 480 characters`}
        error={errors.autoReplyTemplate}
      >
        {(control) => (
          <textarea
            {...control}
            name="autoReplyTemplate"
            data-testid="auto-reply-template"
            rows={4}
            maxLength={480}
            className={controlClassName}
            value={draft.autoReplyTemplate}
            onChange={(event) => onChange({ autoReplyTemplate: event.target.value })}
          />
        )}
      </Field>
      <div>
        <p className="text-sm font-medium text-slate-800">What the caller receives</p>
        <p
          data-testid="auto-reply-preview"
          aria-live="polite"
          className="mt-1.5 max-w-md whitespace-pre-wrap rounded-2xl rounded-bl-sm bg-slate-100 px-4 py-3 text-base text-slate-900"
        >
          {preview}
        </p>
        <p className="mt-1 text-sm text-slate-500">
          The business name and “Reply STOP to opt out” are added when missing.
        </p>
      </div>
    </Card>
  );
}
