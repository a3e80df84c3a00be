"use client";
// An on/off control: a real checkbox with role="switch", so keyboards and screen readers get it for free.
import { clsx } from "clsx";
import { useId, type ReactNode } from "react";

export function Switch({
  label,
  description,
  checked,
  onChange,
  name,
}: {
  label: ReactNode;
  description?: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  name?: string;
}) {
  const id = useId();
  return (
    <div className="flex items-start justify-between gap-4">
      <div>
        <label htmlFor={id} className="text-base font-medium text-slate-900">
          {label}
        </label>
        {description ? <p className="text-sm text-slate-500">{description}</p> : null}
      </div>
      <input
        id={id}
        name={name}
        type="checkbox"
        role="switch"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        className={clsx(
          "relative h-7 w-12 shrink-0 cursor-pointer appearance-none rounded-full bg-slate-300 transition-colors",
          "before:absolute before:left-0.5 before:top-0.5 before:h-6 before:w-6 before:rounded-full before:bg-white before:shadow before:transition-transform",
          "checked:bg-brand-600 checked:before:translate-x-5",
          "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600",
        )}
      />
    </div>
  );
}
