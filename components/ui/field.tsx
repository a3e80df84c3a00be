// A labelled form control with hint and error text wired up for screen readers.
import { clsx } from "clsx";
import { useId, type ReactNode } from "react";

/** Without a width, for controls sized by their content (times, small numbers). */
export const controlBaseClassName = clsx(
  "block min-h-11 rounded-xl border border-slate-300 bg-white px-3 py-2 text-base text-slate-900",
  "placeholder:text-slate-400 focus:border-brand-600 focus:outline-2 focus:outline-offset-0 focus:outline-brand-600",
  "aria-[invalid=true]:border-red-500",
);

export const controlClassName = clsx(controlBaseClassName, "w-full");

export type ControlProps = { id: string; "aria-describedby"?: string; "aria-invalid"?: boolean };

export function Field({
  label,
  hint,
  error,
  className,
  children,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className={clsx("space-y-1.5", className)}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children({ id, "aria-describedby": describedBy, "aria-invalid": error ? true : undefined })}
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-500">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
