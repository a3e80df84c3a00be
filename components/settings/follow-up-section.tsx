"use client";
// What happens when nobody answers: a follow-up text to a quiet customer, and escalation when you miss an alert.
import { Card } from "@/components/ui/card";
import { Switch } from "@/components/ui/switch";
import { NumberField } from "@/components/settings/number-field";
import type { SectionProps } from "@/components/settings/section-props";

export function FollowUpSection({ draft, onChange, errors }: SectionProps) {
  return (
    <Card id="follow-up" title="Follow-ups and escalation">
      <Switch
        label="Follow up with quiet customers"
        description="One nudge if a caller never answers the auto-text (only 8:00–20:00 their time, never after STOP)."
        checked={draft.followUpEnabled}
        onChange={(followUpEnabled) => onChange({ followUpEnabled })}
      />
      {draft.followUpEnabled ? (
        <NumberField
          label="Follow up after"
          unit="minutes"
          min={10}
          max={10080}
          value={draft.followUpDelayMinutes}
          error={errors.followUpDelayMinutes}
          onChange={(followUpDelayMinutes) => onChange({ followUpDelayMinutes })}
        />
      ) : null}
      <Switch
        label="Escalate unread urgent alerts"
        description="If an urgent notification is not opened in time, you also get a text."
        checked={draft.escalationEnabled}
        onChange={(escalationEnabled) => onChange({ escalationEnabled })}
      />
      {draft.escalationEnabled ? (
        <>
          <NumberField
            label="Escalate after"
            unit="minutes"
            min={1}
            max={120}
            value={draft.escalationDelayMinutes}
            error={errors.escalationDelayMinutes}
            onChange={(escalationDelayMinutes) => onChange({ escalationDelayMinutes })}
          />
          <Switch
            label="Call me for emergencies"
            description="An emergency lead also rings your phone with a spoken alert."
            checked={draft.emergencyCallEnabled}
            onChange={(emergencyCallEnabled) => onChange({ emergencyCallEnabled })}
          />
        </>
      ) : null}
      <Switch
        label="Text safety advice on emergencies"
        description="When a customer reports gas, flooding, sparks or no heat in the cold, they get fixed safety advice at once (in their language) saying you were alerted. It is not an AI reply: your window to answer first still stands."
        checked={draft.emergencyAdvice}
        onChange={(emergencyAdvice) => onChange({ emergencyAdvice })}
      />
    </Card>
  );
}
