// Issue 12, defect 5: a refused save takes the person to the problem. Every form scrolls to and focuses the first
// invalid field, with the server's own message next to it: settings (bad Tuesday hours), the CRM webhook URL, adding
// a person, changing the password.
import type { Locator, Page, Response } from "@playwright/test";
import { expect, test } from "../fixtures";

/** The refused request's first field message, as the API worded it. */
async function firstFieldMessage(response: Response): Promise<string> {
  const body = (await response.json()) as { error: { message: string; details?: { message: string }[] } };
  return body.error.details?.[0]?.message ?? body.error.message;
}

async function expectFocusedWithMessage(page: Page, field: Locator, message: string) {
  await expect(field).toBeFocused();
  await expect(field).toBeInViewport();
  await expect(field).toHaveAttribute("aria-invalid", "true");
  const describedBy = (await field.getAttribute("aria-describedby")) ?? "";
  const description = page.locator(
    describedBy
      .split(/\s+/)
      .map((id) => `[id="${id}"]`)
      .join(", "),
  );
  await expect(description.filter({ hasText: message })).toBeVisible();
}

test("settings: bad Tuesday hours are focused and explained where they are, not only at the bottom", async ({
  settingsPage,
  page,
}) => {
  await settingsPage.goto();
  const tuesday = settingsPage.day("tue");
  if (!(await tuesday.isOpen.isChecked())) await tuesday.isOpen.check();
  await tuesday.opens.fill("17:00");
  await tuesday.closes.fill("08:00");
  await page.getByLabel("Business name").focus();
  const refused = page.waitForResponse(
    (response) => response.url().endsWith("/api/business") && response.request().method() === "PATCH",
  );
  await settingsPage.save.click();
  const response = await refused;
  expect(response.status()).toBe(422);
  await expectFocusedWithMessage(page, tuesday.opens, await firstFieldMessage(response));
  await page.reload();
  await expect(tuesday.opens).not.toHaveValue("17:00");
});

test("CRM webhook: a refused URL shows the API's reason next to the field", async ({ signedInPage: page }) => {
  await page.goto("/settings#crm-webhooks");
  const url = page.getByLabel("Endpoint URL");
  await url.fill("ftp://crm.example.com/hooks/ringback");
  const refused = page.waitForResponse(
    (response) => new URL(response.url()).pathname === "/api/webhooks" && response.request().method() === "POST",
  );
  await page.getByRole("button", { name: "Add endpoint" }).click();
  const response = await refused;
  expect(response.status()).toBe(422);
  const message = await firstFieldMessage(response);
  expect(message).not.toBe("Some fields are not valid.");
  await expectFocusedWithMessage(page, url, message);
});

test("team: an email that already has an account is flagged on the email field", async ({ signedInPage: page }) => {
  await page.goto("/settings#team");
  const form = page.getByRole("form", { name: "Add a person" });
  const email = form.getByLabel("Email");
  await email.fill("owner@example.com");
  await form.getByLabel("Name").fill("Someone Else");
  await form.getByLabel("Starting password").fill("long enough password");
  const refused = page.waitForResponse(
    (response) => new URL(response.url()).pathname === "/api/members" && response.request().method() === "POST",
  );
  await form.getByRole("button", { name: "Add person" }).click();
  const response = await refused;
  expect(response.status()).toBe(409);
  await expectFocusedWithMessage(page, email, await firstFieldMessage(response));
});

test("password: a wrong current password is flagged on that field", async ({ signedInPage: page }) => {
  await page.goto("/settings");
  const form = page.getByRole("form", { name: "Change my password" });
  const current = form.getByLabel("Current password");
  await current.fill("not my password at all");
  await form.getByLabel("New password", { exact: true }).fill("a brand new password");
  await form.getByLabel("New password again").fill("a brand new password");
  const refused = page.waitForResponse(
    (response) =>
      new URL(response.url()).pathname === "/api/account/password" && response.request().method() === "POST",
  );
  await form.getByRole("button", { name: "Change password" }).click();
  const response = await refused;
  expect(response.status()).toBe(422);
  await expectFocusedWithMessage(page, current, await firstFieldMessage(response));
});
