"use client";
// When the business is open: its timezone and weekly hours. Outside them every missed call gets a text.
import type { TimeZoneOption } from "@/components/settings/time-zones";
import { Card } from "@/components/ui/card";
import { controlClassName, Field } from "@/components/ui/field";
import { Switch } from "@/components/ui/switch";
import { HoursEditor } from "@/components/settings/hours-editor";
import type { SectionProps } from "@/components/settings/section-props";

export function HoursSection({ draft, onChange, errors, timeZones }: SectionProps & { timeZones: TimeZoneOption[] }) {
  return (
    <Card
      id="hours"
      title="Hours and availability"
      description="Inside your hours, while you are available, calls ring through without an auto-text."
    >
      <Switch
        label="Available"
        description="Off means “on a job”: every missed call gets a text right away."
        checked={draft.available}
        onChange={(available) => onChange({ available })}
      />
      <Field label="Timezone" error={errors.timezone}>
        {(control) => (
          <select
            {...control}
            name="timezone"
            className={controlClassName}
            value={draft.timezone}
            onChange={(event) => onChange({ timezone: event.target.value })}
          >
            {timeZones.map((zone) => (
              <option key={zone.value} value={zone.value}>
                {zone.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <HoursEditor
        hours={draft.businessHours}
        onChange={(businessHours) => onChange({ businessHours })}
        errors={errors}
      />
    </Card>
  );
}
