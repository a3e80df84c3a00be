// What every page must get right whatever it shows: no console error (a hydration mismatch, a CSP violation, an
// uncaught exception, a failed request the page made) and no serious or critical accessibility violation (axe-core).
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

export type ConsoleProblem = { kind: "console" | "pageerror"; text: string; url: string };

/** Starts recording console errors and uncaught exceptions of the page; read the array after the checks. */
export function recordConsoleProblems(page: Page, { allowStatus404 = false } = {}): ConsoleProblem[] {
  const problems: ConsoleProblem[] = [];
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const text = message.text();
    // The 404 page itself answers 404 on purpose: Chromium logs its own document load as a failed resource.
    if (allowStatus404 && /status of 404/.test(text)) return;
    problems.push({ kind: "console", text, url: page.url() });
  });
  page.on("pageerror", (error) => problems.push({ kind: "pageerror", text: String(error), url: page.url() }));
  return problems;
}

/** Resolves once the browser has been idle twice in a row: React has hydrated and its first effects have run. */
export async function waitForIdle(page: Page) {
  await page.waitForLoadState("load");
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestIdleCallback(() => requestIdleCallback(() => resolve(), { timeout: 2000 }), { timeout: 2000 }),
      ),
  );
}

export type AxeProblem = { id: string; impact: string; help: string; targets: string[] };

/** Serious and critical axe-core violations of the page as it is now (every rule axe runs by default). */
export async function findSeriousAxeViolations(page: Page): Promise<AxeProblem[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact!,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => `${node.target.join(" ")} — ${node.failureSummary ?? ""}`),
    }));
}
