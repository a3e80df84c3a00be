import { expect, type Locator, type Page } from "@playwright/test";

export const chartTestIds = [
  "chart-revenue",
  "chart-daily",
  "chart-response",
  "chart-funnel",
  "chart-takeover",
  "chart-lead-status",
] as const;

export class DashboardPage {
  readonly periodPicker: Locator;

  constructor(readonly page: Page) {
    this.periodPicker = page.getByTestId("period-picker");
  }

  async goto() {
    await this.page.goto("/dashboard");
    await expect(this.page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
  }

  chart(testId: (typeof chartTestIds)[number]): Locator {
    return this.page.getByTestId(testId);
  }

  period(label: string): Locator {
    return this.periodPicker.getByRole("button", { name: label });
  }
}
