import { expect, test } from "../fixtures";

test("the availability toggle flips with one tap and stays flipped", async ({ appShell, signedInPage: page }) => {
  await page.goto("/settings");
  await expect(appShell.availabilityToggle).toBeVisible();
  const wasAvailable = await appShell.isAvailable();
  await expect(appShell.availabilityToggle).toHaveText(wasAvailable ? "Available" : "On a job");

  const isAvailable = await appShell.toggleAvailability();
  await expect(appShell.availabilityToggle).toHaveText(isAvailable ? "Available" : "On a job");

  await page.reload();
  await expect(appShell.availabilityToggle).toHaveAttribute("aria-pressed", String(isAvailable));
  const business = await (await page.request.get("/api/business")).json();
  expect(business.available).toBe(isAvailable);

  // Keyboard works too (Enter on the focused toggle), and restores the starting state.
  await appShell.availabilityToggle.focus();
  const saved = page.waitForResponse(
    (response) => response.url().endsWith("/api/business") && response.request().method() === "PATCH",
  );
  await page.keyboard.press("Enter");
  await saved;
  await expect(appShell.availabilityToggle).toHaveAttribute("aria-pressed", String(wasAvailable));
});

test("the navigation fits the screen: bottom bar on a phone, sidebar on a desktop", async ({
  appShell,
  signedInPage: page,
}, testInfo) => {
  await page.goto("/settings");
  await expect(appShell.mainNav).toHaveCount(1);
  const isPhone = testInfo.project.name === "phone";
  // Polled: the box is null for a moment while the layout re-renders after navigation.
  await expect
    .poll(async () => {
      const box = await appShell.mainNav.boundingBox();
      const viewport = page.viewportSize();
      if (!box || !viewport) return "not laid out";
      if (isPhone) return box.y + box.height > viewport.height - 100 ? "bottom bar" : "elsewhere";
      return box.x < 300 ? "sidebar" : "elsewhere";
    })
    .toBe(isPhone ? "bottom bar" : "sidebar");
  await expect(appShell.mainNav.getByRole("link", { name: "Settings" })).toHaveAttribute("aria-current", "page");
});
