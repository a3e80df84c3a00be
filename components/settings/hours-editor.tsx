"use client";
// Weekly business hours: per day either closed or one or more open–close intervals (in the business's timezone).
// The two times of an interval share a row when the day's box has room for both at full width ("08:00 AM" and the
// picker icon, never clipped); on a narrower screen they stack.
import { Button } from "@/components/ui/button";
import { controlBaseClassName } from "@/components/ui/field";
import { nextInterval } from "@/components/settings/next-interval";
import { errorAt } from "@/components/settings/settings-draft";
import { weekdays, type BusinessHours, type Weekday } from "@/lib/business/business-hours";

const dayNames: Record<Weekday, string> = {
  mon: "Monday",
  tue: "Tuesday",
  wed: "Wednesday",
  thu: "Thursday",
  fri: "Friday",
  sat: "Saturday",
  sun: "Sunday",
};

type Interval = BusinessHours[Weekday][number];

function TimeField({
  label,
  ariaLabel,
  value,
  errorId,
  onChange,
}: {
  label: string;
  ariaLabel: string;
  value: string;
  errorId?: string;
  onChange: (value: string) => void;
}) {
  return (
    <label className="block min-w-0 text-sm text-slate-600">
      {label}
      <input
        type="time"
        aria-label={ariaLabel}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={errorId}
        className={`${controlBaseClassName} mt-1 w-full px-2`}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </label>
  );
}

export function HoursEditor({
  hours,
  onChange,
  errors,
}: {
  hours: BusinessHours;
  onChange: (hours: BusinessHours) => void;
  errors: Record<string, string>;
}) {
  const setDay = (day: Weekday, intervals: Interval[]) => onChange({ ...hours, [day]: intervals });
  const setInterval = (day: Weekday, index: number, patch: Partial<Interval>) =>
    setDay(
      day,
      hours[day].map((item, i) => (i === index ? { ...item, ...patch } : item)),
    );

  return (
    <fieldset className="space-y-3">
      <legend className="text-base font-medium text-slate-900">Weekly hours</legend>
      {weekdays.map((day) => {
        const intervals = hours[day];
        const isOpen = intervals.length > 0;
        const added = nextInterval(intervals);
        const dayError = errorAt(errors, `businessHours.${day}`);
        const errorId = dayError ? `hours-${day}-error` : undefined;
        return (
          <div key={day} data-testid={`hours-${day}`} className="@container rounded-xl border border-slate-200 p-3">
            <div className="flex items-center justify-between gap-3">
              <label className="flex min-h-11 items-center gap-3 text-base font-medium">
                <input
                  type="checkbox"
                  className="h-5 w-5 accent-brand-600"
                  checked={isOpen}
                  onChange={(event) => setDay(day, event.target.checked ? [{ open: "08:00", close: "17:00" }] : [])}
                />
                {dayNames[day]}
              </label>
              {!isOpen ? <span className="text-sm text-slate-500">Closed</span> : null}
            </div>
            {intervals.map((interval, index) => {
              const invalidId = errorAt(errors, `businessHours.${day}.${index}`) ? errorId : undefined;
              return (
                <div key={index} className="mt-2 flex flex-wrap items-end gap-x-3 gap-y-1">
                  <div className="grid w-full grid-cols-1 gap-2 @min-[20rem]:grid-cols-2 @min-[34rem]:w-auto @min-[34rem]:min-w-80">
                    <TimeField
                      label="Opens"
                      ariaLabel={`${dayNames[day]} opens`}
                      value={interval.open}
                      errorId={invalidId}
                      onChange={(open) => setInterval(day, index, { open })}
                    />
                    <TimeField
                      label="Closes"
                      ariaLabel={`${dayNames[day]} closes`}
                      value={interval.close}
                      errorId={invalidId}
                      onChange={(close) => setInterval(day, index, { close })}
                    />
                  </div>
                  <Button
                    look="ghost"
                    aria-label={`Remove ${dayNames[day]} hours ${index + 1}`}
                    onClick={() =>
                      setDay(
                        day,
                        intervals.filter((_, i) => i !== index),
                      )
                    }
                  >
                    Remove
                  </Button>
                </div>
              );
            })}
            {isOpen && intervals.length < 6 && added ? (
              <Button look="ghost" className="mt-1" onClick={() => setDay(day, [...intervals, added])}>
                + Add hours
              </Button>
            ) : null}
            {dayError ? (
              <p id={errorId} className="mt-1 text-sm font-medium text-red-700">
                {dayError}
              </p>
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}
