"use client";
// A whole-number input with a unit, within the API's bounds.
import { controlBaseClassName, Field } from "@/components/ui/field";

export function NumberField({
  label,
  unit,
  hint,
  value,
  min,
  max,
  error,
  onChange,
}: {
  label: string;
  unit: string;
  hint?: string;
  value: number;
  min: number;
  max: number;
  error?: string;
  onChange: (value: number) => void;
}) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(control) => (
        <div className="flex items-center gap-2">
          <input
            {...control}
            type="number"
            inputMode="numeric"
            min={min}
            max={max}
            step={1}
            className={`${controlBaseClassName} w-28`}
            value={Number.isFinite(value) ? value : ""}
            onChange={(event) => onChange(event.target.valueAsNumber)}
          />
          <span className="text-base text-slate-600">{unit}</span>
        </div>
      )}
    </Field>
  );
}
