import { expect, type Locator, type Page } from "@playwright/test";

export class AppShell {
  readonly availabilityToggle: Locator;
  readonly businessName: Locator;
  readonly mainNav: Locator;

  constructor(readonly page: Page) {
    this.availabilityToggle = page.getByTestId("availability-toggle");
    this.businessName = page.getByTestId("business-name");
    // Both navigations exist in the DOM; CSS shows one per viewport.
    this.mainNav = page.getByRole("navigation", { name: "Main" }).filter({ visible: true });
  }

  async isAvailable(): Promise<boolean> {
    return (await this.availabilityToggle.getAttribute("aria-pressed")) === "true";
  }

  /** Taps the toggle and waits until the server has saved the new state. */
  async toggleAvailability() {
    const before = await this.isAvailable();
    const saved = this.page.waitForResponse(
      (response) => response.url().endsWith("/api/business") && response.request().method() === "PATCH",
    );
    await this.availabilityToggle.click();
    expect((await saved).ok()).toBe(true);
    await expect(this.availabilityToggle).toHaveAttribute("aria-pressed", String(!before));
    return !before;
  }
}
