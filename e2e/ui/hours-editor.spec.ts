// Issue 12, defect 7: the hours editor never offers 23:59–23:59, and on a phone its time fields show the whole time
// ("08:00 AM", not "08:00 AI").
import type { Locator } from "@playwright/test";
import { expect, test } from "../fixtures";

/** How wide the time field would be if it sized itself to its content (CSS field-sizing), against how wide it is. */
async function widthNeededAndGiven(input: Locator): Promise<[number, number]> {
  return input.evaluate((element: HTMLInputElement) => {
    const probe = element.cloneNode() as HTMLInputElement;
    probe.value = element.value;
    probe.style.setProperty("field-sizing", "content");
    probe.style.width = "auto";
    probe.style.minWidth = "0";
    probe.style.position = "absolute";
    probe.style.visibility = "hidden";
    element.parentElement!.append(probe);
    const needed = probe.getBoundingClientRect().width;
    probe.remove();
    return [needed, element.getBoundingClientRect().width];
  });
}

test("+ Add hours after an interval ending 23:59 adds a valid interval, not 23:59–23:59", async ({ settingsPage }) => {
  await settingsPage.goto();
  const monday = settingsPage.day("mon");
  if (!(await monday.isOpen.isChecked())) await monday.isOpen.check();
  await monday.opens.fill("18:00");
  await monday.closes.fill("23:59");
  await monday.row.getByRole("button", { name: "+ Add hours" }).click();
  const opens = monday.row.getByLabel("Monday opens");
  const closes = monday.row.getByLabel("Monday closes");
  await expect(opens).toHaveCount(2);
  const added = { open: await opens.nth(1).inputValue(), close: await closes.nth(1).inputValue() };
  expect(added.open < added.close, `${added.open}–${added.close} opens before it closes`).toBe(true);
  expect(added).not.toEqual({ open: "23:59", close: "23:59" });
});

test("every time field is wide enough for its whole time", async ({ settingsPage }) => {
  await settingsPage.goto();
  const fields = settingsPage.page.locator('[data-testid^="hours-"] input[type="time"]');
  expect(await fields.count()).toBeGreaterThan(0);
  for (const field of await fields.all()) {
    const [needed, given] = await widthNeededAndGiven(field);
    expect(
      given,
      `${await field.getAttribute("aria-label")} shows "${await field.inputValue()}" unclipped`,
    ).toBeGreaterThanOrEqual(needed - 0.5);
  }
});
