// Who the business is: the name customers see, and what the assistant may tell them.
import { Card } from "@/components/ui/card";
import { controlClassName, Field } from "@/components/ui/field";
import type { SectionProps } from "@/components/settings/section-props";

export function ProfileSection({ draft, onChange, errors }: SectionProps) {
  return (
    <Card id="profile" title="Business profile" description="Used in texts to customers and by the assistant.">
      <Field label="Business name" error={errors.name}>
        {(control) => (
          <input
            {...control}
            name="name"
            className={controlClassName}
            value={draft.name}
            onChange={(event) => onChange({ name: event.target.value })}
          />
        )}
      </Field>
      <Field
        label="Services"
        hint="What you do, in plain words (the assistant only offers these)."
        error={errors.services}
      >
        {(control) => (
          <textarea
            {...control}
            rows={3}
            className={controlClassName}
            name="services"
            value={draft.services}
            onChange={(event) => onChange({ services: event.target.value })}
          />
        )}
      </Field>
      <Field label="Service area" error={errors.serviceArea}>
        {(control) => (
          <input
            {...control}
            className={controlClassName}
            name="serviceArea"
            value={draft.serviceArea}
            onChange={(event) => onChange({ serviceArea: event.target.value })}
          />
        )}
      </Field>
      <Field label="Booking link" hint="Optional. Used for {booking_link} in the auto-reply." error={errors.bookingUrl}>
        {(control) => (
          <input
            {...control}
            type="url"
            inputMode="url"
            placeholder="https://"
            className={controlClassName}
            name="bookingUrl"
            value={draft.bookingUrl}
            onChange={(event) => onChange({ bookingUrl: event.target.value })}
          />
        )}
      </Field>
      <Field label="Price list" hint="Optional. Rough prices the assistant may quote." error={errors.priceList}>
        {(control) => (
          <textarea
            {...control}
            rows={3}
            className={controlClassName}
            name="priceList"
            value={draft.priceList}
            onChange={(event) => onChange({ priceList: event.target.value })}
          />
        )}
      </Field>
    </Card>
  );
}
