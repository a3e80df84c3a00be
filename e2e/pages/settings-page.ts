import { expect, type Locator, type Page } from "@playwright/test";

export class SettingsPage {
  readonly name: Locator;
  readonly template: Locator;
  readonly preview: Locator;
  readonly save: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.name = page.getByLabel("Business name");
    this.template = page.getByTestId("auto-reply-template");
    this.preview = page.getByTestId("auto-reply-preview");
    this.save = page.getByRole("button", { name: "Save settings" });
    this.status = page.getByTestId("settings-status");
  }

  async goto() {
    await this.page.goto("/settings");
    await expect(this.page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
    // Input typed before hydration is reset by React: wait until the form is live.
    await expect(this.page.getByRole("form", { name: "Business settings" })).toHaveAttribute("data-hydrated", "true");
  }

  day(day: "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun") {
    const row = this.page.getByTestId(`hours-${day}`);
    return {
      row,
      isOpen: row.getByRole("checkbox"),
      opens: row.getByLabel(/opens$/).first(),
      closes: row.getByLabel(/closes$/).first(),
    };
  }

  async saveAndWait() {
    const saved = this.page.waitForResponse(
      (response) => response.url().endsWith("/api/business") && response.request().method() === "PATCH",
    );
    await this.save.click();
    expect((await saved).status()).toBe(200);
    await expect(this.status).toHaveText("Saved");
  }
}
