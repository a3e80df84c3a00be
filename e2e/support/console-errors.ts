// Collects what a page reports as broken: console errors (CSP violations, React hydration errors #418/#423/#425)
// and uncaught exceptions. Attach it before the first navigation and assert the list is empty at the end.
import type { Page } from "@playwright/test";

export function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}
