// Issue 12, defect 3: /settings hydrates without a mismatch (React error #418 came from the device list asking the
// browser about push support while rendering), so text typed before the page became interactive is kept.
import { expect, test } from "../fixtures";
import { collectConsoleErrors } from "../support/console-errors";

test("settings load with a clean console, and what is typed before hydration stays", async ({ signedInPage: page }) => {
  const errors = collectConsoleErrors(page);
  // Hold the page's scripts back until the person has typed, as on a slow phone.
  let release!: () => void;
  const scriptsHeld = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/_next/static/chunks/**", async (route) => {
    await scriptsHeld;
    await route.continue();
  });
  // The server's HTML is there; the scripts that make it interactive are not (they would hold DOMContentLoaded).
  await page.goto("/settings", { waitUntil: "commit" });
  const form = page.getByRole("form", { name: "Business settings" });
  await expect(form).toHaveAttribute("data-hydrated", "false");
  const name = page.getByLabel("Business name");
  await expect(name).toBeEditable();
  const before = await name.inputValue();
  const typed = `${before} (typed early)`;
  await name.fill(typed);
  const chosen = () =>
    form.evaluate((element) =>
      [...element.querySelectorAll<HTMLInputElement>('input[type="radio"]:checked, input[type="checkbox"]')].map(
        (input) => `${input.name || input.getAttribute("aria-label")}=${input.value}:${input.checked}`,
      ),
    );
  const choicesBefore = await chosen();

  release();
  await expect(form).toHaveAttribute("data-hydrated", "true");
  // The device list renders its browser-only parts after hydration, without a mismatch.
  await expect(page.getByTestId("push-devices")).toBeVisible();
  await expect(name).toHaveValue(typed);
  await expect(page.getByTestId("settings-status")).toHaveText("Unsaved changes");
  // Only what was typed changed: every choice (routing, language, days open) is as the server rendered it.
  expect(await chosen()).toEqual(choicesBefore);
  expect(errors.filter((text) => /#418|#423|#425|hydrat/i.test(text))).toEqual([]);
  expect(errors).toEqual([]);
});
