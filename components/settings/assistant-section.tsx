"use client";
// The AI assistant that keeps the conversation going until a person takes over.
import { Card } from "@/components/ui/card";
import { controlClassName, Field } from "@/components/ui/field";
import { Switch } from "@/components/ui/switch";
import { AiReplyModeField } from "@/components/settings/ai-reply-mode-field";
import { EngageDelayField } from "@/components/settings/engage-delay-field";
import { NumberField } from "@/components/settings/number-field";
import type { SectionProps } from "@/components/settings/section-props";

export function AssistantSection({
  draft,
  onChange,
  errors,
  defaultEngageDelaySeconds,
}: SectionProps & { defaultEngageDelaySeconds: number }) {
  return (
    <Card
      id="assistant"
      title="AI assistant"
      description="Replies to customers, gathers the job details and hands over when someone needs you."
    >
      <Switch label="Let the AI reply" checked={draft.aiEnabled} onChange={(aiEnabled) => onChange({ aiEnabled })} />
      {draft.aiEnabled ? (
        <>
          <EngageDelayField
            draft={draft}
            onChange={onChange}
            errors={errors}
            defaultSeconds={defaultEngageDelaySeconds}
          />
          <AiReplyModeField draft={draft} onChange={onChange} errors={errors} />
          <Field
            label="Instructions"
            hint="House rules: what to ask, what never to promise."
            error={errors.aiInstructions}
          >
            {(control) => (
              <textarea
                {...control}
                rows={5}
                maxLength={4000}
                className={controlClassName}
                name="aiInstructions"
                value={draft.aiInstructions}
                onChange={(event) => onChange({ aiInstructions: event.target.value })}
              />
            )}
          </Field>
          <Switch
            label="Introduce the assistant"
            description="Its first message in each conversation says it is your virtual assistant (some US states require this)."
            checked={draft.aiDisclosure}
            onChange={(aiDisclosure) => onChange({ aiDisclosure })}
          />
          {draft.aiDisclosure ? (
            <Field
              label="Introduction"
              hint="Leave empty for “Hi, this is {business}'s virtual assistant.” (in Spanish for Spanish speakers). {business} is your business name."
              error={errors.aiDisclosureText}
            >
              {(control) => (
                <input
                  {...control}
                  maxLength={200}
                  className={controlClassName}
                  name="aiDisclosureText"
                  placeholder={`Hi, this is ${draft.name || "{business}"}'s virtual assistant.`}
                  value={draft.aiDisclosureText}
                  onChange={(event) => onChange({ aiDisclosureText: event.target.value })}
                />
              )}
            </Field>
          ) : null}
          <NumberField
            label="Hand over after"
            unit="AI replies"
            min={1}
            max={50}
            value={draft.aiMaxTurns}
            error={errors.aiMaxTurns}
            onChange={(aiMaxTurns) => onChange({ aiMaxTurns })}
          />
        </>
      ) : null}
    </Card>
  );
}
