// Issue 12, defect 12: leads on a phone. Cards instead of a table that scrolled sideways and hid Service, Value and
// Created; every tappable thing at least 44 px tall; the filters kept in the URL (a reload keeps them).
import { expect, test } from "../fixtures";

test("on a phone every lead is a card with all its fields, nothing scrolls sideways, and targets are 44 px", async ({
  leadsPage,
  signedInPage: page,
  isMobile,
}) => {
  test.skip(!isMobile, "the phone layout");
  await leadsPage.goto();
  const card = leadsPage.rows.first();
  for (const field of ["Service", "Urgency", "Value", "Created"]) await expect(card).toContainText(field);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, "no sideways scrolling").toBeLessThanOrEqual(0);

  // Every visible link, button and form control of the page's content is a thumb-sized target.
  const small = await page.locator("#main").evaluate((main) =>
    [...main.querySelectorAll<HTMLElement>("a, button, select, input")]
      .filter((element) => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== "hidden")
      .map((element) => ({
        what: `${element.tagName.toLowerCase()} "${(element.textContent || element.getAttribute("aria-label") || "").trim().slice(0, 30)}"`,
        height: Math.round(element.getBoundingClientRect().height),
      }))
      .filter((target) => target.height < 44),
  );
  expect(small, "targets under 44 px").toEqual([]);
});

test("the filters are kept in the URL: a reload shows the same leads", async ({ leadsPage, signedInPage: page }) => {
  await leadsPage.goto();
  await leadsPage.statusFilter.selectOption("won");
  await page.getByTestId("leads-source-filter").selectOption("call");
  await expect(page).toHaveURL(/status=won/);
  await expect(page).toHaveURL(/source=call/);
  await expect.poll(() => leadsPage.fieldValues("status")).toEqual(["Won"]);
  const ids = await leadsPage.rows.evaluateAll((rows) => rows.map((row) => row.getAttribute("data-lead-id")));

  await page.reload();
  await expect(leadsPage.statusFilter).toHaveValue("won");
  await expect(page.getByTestId("leads-source-filter")).toHaveValue("call");
  await expect.poll(() => leadsPage.fieldValues("status")).toEqual(["Won"]);
  await expect
    .poll(() => leadsPage.rows.evaluateAll((rows) => rows.map((row) => row.getAttribute("data-lead-id"))))
    .toEqual(ids);
  await expect(leadsPage.exportCsv).toHaveAttribute("href", /status=won/);
});
