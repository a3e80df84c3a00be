import { expect, type Locator, type Page } from "@playwright/test";

export class InboxPage {
  readonly list: Locator;
  readonly items: Locator;

  constructor(readonly page: Page) {
    this.list = page.getByTestId("thread-list");
    this.items = page.getByTestId("thread-item");
  }

  /** Opens /inbox and waits for the list and its live stream (Server-Sent Events) to be connected. */
  async goto() {
    const stream = this.page.waitForResponse((response) => new URL(response.url()).pathname === "/api/events");
    await this.page.goto("/inbox");
    await expect(this.page.getByRole("heading", { name: "Inbox", level: 1 })).toBeVisible();
    expect((await stream).status()).toBe(200);
    await expect(this.list).toBeVisible();
    await expect(this.page.getByTestId("live-status")).toHaveCount(0);
  }

  thread(threadId: string): Locator {
    return this.page.locator(`[data-testid="thread-item"][data-thread-id="${threadId}"]`);
  }
}
