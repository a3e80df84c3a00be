// A white panel with an optional heading; settings sections and sign-in use it.
import { clsx } from "clsx";
import type { ReactNode } from "react";

export function Card({
  title,
  description,
  id,
  className,
  children,
}: {
  title?: string;
  description?: ReactNode;
  id?: string;
  className?: string;
  children: ReactNode;
}) {
  const headingId = id ? `${id}-heading` : undefined;
  return (
    <section
      id={id}
      aria-labelledby={headingId}
      className={clsx("scroll-mt-20 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200", className)}
    >
      {title ? (
        <h2 id={headingId} className="text-lg font-semibold text-slate-900">
          {title}
        </h2>
      ) : null}
      {description ? <p className="mt-1 text-sm text-slate-600">{description}</p> : null}
      <div className={clsx(title || description ? "mt-4" : undefined, "space-y-4")}>{children}</div>
    </section>
  );
}
