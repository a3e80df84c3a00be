import { expect, type Locator, type Page } from "@playwright/test";

export class LeadsPage {
  readonly search: Locator;
  readonly statusFilter: Locator;
  readonly rows: Locator;
  readonly exportCsv: Locator;

  constructor(readonly page: Page) {
    this.search = page.getByTestId("leads-search");
    this.statusFilter = page.getByTestId("leads-status-filter");
    // A table on a desktop, cards on a phone: both are in the DOM, CSS shows one.
    this.rows = page.getByTestId("lead-row").filter({ visible: true });
    this.exportCsv = page.getByTestId("export-csv");
  }

  async goto() {
    await this.page.goto("/leads");
    await expect(this.page.getByRole("heading", { name: "Leads", level: 1 })).toBeVisible();
    await expect(this.rows.first()).toBeVisible();
  }

  row(leadId: string): Locator {
    return this.page.locator(`[data-testid="lead-row"][data-lead-id="${leadId}"]`).filter({ visible: true });
  }

  /** The distinct values of one field (`name`, `status`) over the visible rows. */
  async fieldValues(field: "name" | "status"): Promise<string[]> {
    return [...new Set(await this.rows.locator(`[data-field="${field}"]`).allTextContents())];
  }

  pipelineCount(status: string): Locator {
    return this.page.getByTestId(`pipeline-${status}`);
  }
}

export class LeadDetailPage {
  readonly title: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.title = page.getByTestId("lead-title");
    this.status = page.getByTestId("lead-status-select");
  }

  async goto(leadId: string) {
    await this.page.goto(`/leads/${leadId}`);
    await expect(this.title).toBeVisible();
  }

  /** Picks a status other than won (won asks for a value first) and waits for the server to save it. */
  async setStatus(status: "new" | "contacted" | "qualified" | "lost") {
    const saved = this.page.waitForResponse(
      (response) =>
        /\/api\/leads\/[^/]+$/.test(new URL(response.url()).pathname) && response.request().method() === "PATCH",
    );
    await this.status.selectOption(status);
    expect((await saved).status()).toBe(200);
    await expect(this.status).toHaveValue(status);
  }

  async markWon(dollars: string) {
    await this.status.selectOption("won");
    await this.page.getByTestId("lead-value-input").fill(dollars);
    await this.page.getByTestId("lead-mark-won").click();
    await expect(this.status).toHaveValue("won");
  }
}
