// After a save the server refused, take the person to what needs fixing: the first invalid field of the form
// (marked aria-invalid, in page order) is scrolled to the middle of the screen, clear of the sticky header and
// save bar, and focused, so its message (shown next to it) is read out too.
"use client";

import { useEffect, useRef } from "react";

export function useFocusFirstError<Element extends HTMLElement = HTMLFormElement>(errors: Record<string, string>) {
  const container = useRef<Element>(null);
  useEffect(() => {
    if (Object.keys(errors).length === 0) return;
    const field = container.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (!field) return;
    field.scrollIntoView({ block: "center" });
    field.focus({ preventScroll: true });
  }, [errors]);
  return container;
}
