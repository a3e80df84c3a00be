"use client";
// The text a caller gets after a missed call, in English, Spanish or both in one SMS, with the exact message they
// would receive shown as you type (the same function renders it for sending).
import { clsx } from "clsx";
import { Card } from "@/components/ui/card";
import { AutoReplyTemplateField } from "@/components/settings/auto-reply-template-field";
import type { SectionProps } from "@/components/settings/section-props";
import { renderAutoReply, templatePlaceholders, type AutoReplyLanguage } from "@/lib/business/auto-reply-template";

/** A sample caller, in E.164 as calls arrive: the preview formats it exactly as the sent text does. */
const SAMPLE_CALLER = "+14155550142";

const languageChoices: { value: AutoReplyLanguage; title: string }[] = [
  { value: "en", title: "English" },
  { value: "es", title: "Spanish" },
  { value: "en+es", title: "Both, in one text" },
];

export function AutoReplySection({ draft, onChange, errors }: SectionProps) {
  const preview = renderAutoReply({
    template: draft.autoReplyTemplate,
    templateEs: draft.autoReplyTemplateEs,
    language: draft.autoReplyLanguage,
    businessName: draft.name.trim() || "Your business",
    bookingUrl: draft.bookingUrl.trim() || null,
    callerNumber: SAMPLE_CALLER,
  });
  const showsEnglish = draft.autoReplyLanguage !== "es";
  const showsSpanish = draft.autoReplyLanguage !== "en";
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
      <fieldset className="space-y-2">
        <legend className="text-base font-medium text-slate-900">Language of the first text</legend>
        <p className="text-sm text-slate-600">
          A customer whose language Ringback already knows gets the text in their language.
        </p>
        <div className="flex flex-wrap gap-2">
          {languageChoices.map((choice) => (
            <label
              key={choice.value}
              className={clsx(
                "flex min-h-11 cursor-pointer items-center gap-2 rounded-xl border px-3 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600",
                draft.autoReplyLanguage === choice.value ? "border-brand-600 bg-brand-50" : "border-slate-200",
              )}
            >
              <input
                type="radio"
                name="autoReplyLanguage"
                value={choice.value}
                className="h-5 w-5 accent-brand-600"
                checked={draft.autoReplyLanguage === choice.value}
                onChange={() => onChange({ autoReplyLanguage: choice.value })}
              />
              {choice.title}
            </label>
          ))}
        </div>
      </fieldset>
      {showsEnglish ? (
        <AutoReplyTemplateField
          label="Message in English"
          name="autoReplyTemplate"
          testId="auto-reply-template"
          value={draft.autoReplyTemplate}
          error={errors.autoReplyTemplate}
          onChange={(autoReplyTemplate) => onChange({ autoReplyTemplate })}
        />
      ) : null}
      {showsSpanish ? (
        <AutoReplyTemplateField
          label="Message in Spanish"
          name="autoReplyTemplateEs"
          testId="auto-reply-template-es"
          lang="es"
          value={draft.autoReplyTemplateEs}
          error={errors.autoReplyTemplateEs}
          onChange={(autoReplyTemplateEs) => onChange({ autoReplyTemplateEs })}
        />
      ) : null}
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
          The business name and how to opt out (“Reply STOP”, “Responda PARAR”) are added when missing. A sentence whose
          placeholder has nothing to fill in is left out.
        </p>
      </div>
    </Card>
  );
}
