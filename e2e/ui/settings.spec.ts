import { expect, test } from "../fixtures";

test.describe("settings", () => {
  test("name, hours and auto-reply survive a reload", async ({ settingsPage, appShell, page }, testInfo) => {
    const name = `Acme ${testInfo.project.name} ${Date.now()}`;
    const template = `Hi from {business} (${testInfo.project.name})! What can we help with?`;
    await settingsPage.goto();

    await settingsPage.name.fill(name);
    const saturday = settingsPage.day("sat");
    if (!(await saturday.isOpen.isChecked())) await saturday.isOpen.check();
    await saturday.opens.fill("09:30");
    await saturday.closes.fill("13:15");
    await settingsPage.template.fill(template);
    await settingsPage.saveAndWait();

    await page.reload();
    await expect(settingsPage.name).toHaveValue(name);
    await expect(saturday.isOpen).toBeChecked();
    await expect(saturday.opens).toHaveValue("09:30");
    await expect(saturday.closes).toHaveValue("13:15");
    await expect(settingsPage.template).toHaveValue(template);
    await expect(appShell.businessName).toHaveText(name);
  });

  test("the AI's wait before it replies: chosen from a list with its hint, saved, kept after a reload", async ({
    settingsPage,
    page,
  }) => {
    const current = async () =>
      ((await (await page.request.get("/api/business")).json()) as { aiEngageDelaySeconds: number | null })
        .aiEngageDelaySeconds;
    const before = await current();
    await settingsPage.goto();
    // One wording for the AI across the app: the switch and the reply-mode choice both say "Let the AI reply".
    await expect(page.getByRole("switch", { name: "Let the AI reply" })).toBeChecked();
    await expect(page.getByTestId("ai-reply-mode").getByRole("radio", { name: /^Let the AI reply/ })).toBeVisible();
    await expect(page.getByText("Let the assistant reply")).toHaveCount(0);
    const wait = page.getByLabel("Wait before the AI replies");
    await expect(wait).toHaveAccessibleDescription(/you have this long to answer yourself/);
    // The server's window in e2e is AI_ENGAGE_DELAY_SECONDS=2: the standard choice names it.
    await expect(wait.locator("option")).toHaveText([
      "Standard (2 seconds)",
      "30 seconds",
      "1 minute",
      "2 minutes",
      "5 minutes",
      "10 minutes",
    ]);
    try {
      await wait.selectOption({ label: "5 minutes" });
      await settingsPage.saveAndWait();
      expect(await current()).toBe(300);
      await page.reload();
      await expect(wait).toHaveValue("300");
      await expect(page.getByRole("form", { name: "Business settings" })).toHaveAttribute("data-hydrated", "true");
      await wait.selectOption({ label: "Standard (2 seconds)" });
      await settingsPage.saveAndWait();
      expect(await current()).toBeNull();
    } finally {
      expect((await page.request.patch("/api/business", { data: { aiEngageDelaySeconds: before } })).status()).toBe(
        200,
      );
    }
  });

  test("the auto-reply preview follows the template as you type", async ({ settingsPage }) => {
    await settingsPage.goto();
    const name = await settingsPage.name.inputValue();
    await settingsPage.template.fill("Thanks for calling {business}, we'll text you back shortly");
    await expect(settingsPage.preview).toHaveText(
      `Thanks for calling ${name}, we'll text you back shortly Reply STOP to opt out.`,
    );
    await settingsPage.template.fill("Back soon. Reply STOP to opt out");
    await expect(settingsPage.preview).toHaveText(`${name}: Back soon. Reply STOP to opt out`);
  });

  test("an invalid value shows the server's message next to the field and saves nothing", async ({
    settingsPage,
    page,
  }) => {
    await settingsPage.goto();
    const forwardTo = page.getByLabel("Forward calls to");
    test.skip(!(await forwardTo.isVisible()), "routing mode is not ring-first");
    const before = await forwardTo.inputValue();
    await forwardTo.fill("12");
    await settingsPage.save.click();
    await expect(page.getByText("Some fields are not valid.")).toBeVisible();
    await page.reload();
    await expect(forwardTo).toHaveValue(before);
  });
});
