"use client";
// Weekly business hours: per day either closed or one or more open–close intervals (in the business's timezone).
import { Button } from "@/components/ui/button";
import { controlBaseClassName } from "@/components/ui/field";
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

export function HoursEditor({
  hours,
  onChange,
  errors,
}: {
  hours: BusinessHours;
  onChange: (hours: BusinessHours) => void;
  errors: Record<string, string>;
}) {
  const setDay = (day: Weekday, intervals: BusinessHours[Weekday]) => onChange({ ...hours, [day]: intervals });

  return (
    <fieldset className="space-y-3">
      <legend className="text-base font-medium text-slate-900">Weekly hours</legend>
      {weekdays.map((day) => {
        const intervals = hours[day];
        const isOpen = intervals.length > 0;
        const dayError = errorAt(errors, `businessHours.${day}`);
        return (
          <div key={day} data-testid={`hours-${day}`} className="rounded-xl border border-slate-200 p-3">
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
            {intervals.map((interval, index) => (
              <div key={index} className="mt-2 flex flex-wrap items-center gap-2">
                <input
                  type="time"
                  aria-label={`${dayNames[day]} opens`}
                  className={`${controlBaseClassName} w-32`}
                  value={interval.open}
                  onChange={(event) =>
                    setDay(
                      day,
                      intervals.map((item, i) => (i === index ? { ...item, open: event.target.value } : item)),
                    )
                  }
                />
                <span aria-hidden="true">–</span>
                <input
                  type="time"
                  aria-label={`${dayNames[day]} closes`}
                  className={`${controlBaseClassName} w-32`}
                  value={interval.close}
                  onChange={(event) =>
                    setDay(
                      day,
                      intervals.map((item, i) => (i === index ? { ...item, close: event.target.value } : item)),
                    )
                  }
                />
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
            ))}
            {isOpen && intervals.length < 6 ? (
              <Button
                look="ghost"
                className="mt-1"
                onClick={() =>
                  setDay(day, [...intervals, { open: intervals.at(-1)?.close ?? "12:00", close: "23:59" }])
                }
              >
                + Add hours
              </Button>
            ) : null}
            {dayError ? <p className="mt-1 text-sm font-medium text-red-700">{dayError}</p> : null}
          </div>
        );
      })}
    </fieldset>
  );
}
