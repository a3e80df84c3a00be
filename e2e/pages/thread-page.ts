import { expect, type Locator, type Page } from "@playwright/test";

export class ThreadPage {
  readonly modeBadge: Locator;
  readonly takeover: Locator;
  readonly composer: Locator;
  readonly send: Locator;
  readonly bubbles: Locator;
  readonly aiStream: Locator;
  readonly leadCard: Locator;

  constructor(readonly page: Page) {
    this.modeBadge = page.getByRole("main").getByTestId("mode-badge").first();
    this.takeover = page.getByTestId("takeover-button");
    this.composer = page.getByTestId("composer-input");
    this.send = page.getByTestId("composer-send");
    this.bubbles = page.getByTestId("message-bubble");
    this.aiStream = page.getByTestId("ai-stream");
    this.leadCard = page.getByTestId("lead-card");
  }

  /** Opens one conversation and waits until its live stream is connected. */
  async goto(threadId: string) {
    const stream = this.page.waitForResponse((response) =>
      new URL(response.url()).pathname.endsWith(`/api/threads/${threadId}/events`),
    );
    await this.page.goto(`/inbox/${threadId}`);
    expect((await stream).status()).toBe(200);
    await expect(this.leadCard).toBeVisible();
  }

  byAuthor(author: "customer" | "system" | "ai" | "user"): Locator {
    return this.page.locator(`[data-testid="message-bubble"][data-author="${author}"]`);
  }

  /** Records in the page whether the streaming AI bubble was ever on screen (it may last only a moment). */
  /** Records every text the live "AI is typing" bubble shows, in order (read back with aiStreamTexts()). */
  async watchForAiStream() {
    await this.page.evaluate(() => {
      const state = window as unknown as { aiStreamTexts?: string[] };
      state.aiStreamTexts = [];
      const check = () => {
        const text = document.querySelector('[data-testid="ai-stream"] p')?.textContent?.trim() ?? "";
        // "…" is the placeholder before the first delta; only the reply's own text counts.
        if (text && text !== "…" && state.aiStreamTexts!.at(-1) !== text) state.aiStreamTexts!.push(text);
      };
      new MutationObserver(check).observe(document.body, { childList: true, subtree: true, characterData: true });
      check();
    });
  }

  async aiStreamTexts(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as { aiStreamTexts?: string[] }).aiStreamTexts ?? []);
  }

  async replyAsPerson(text: string) {
    await this.composer.fill(text);
    await this.send.click();
    await expect(this.composer).toHaveValue("");
    await expect(this.byAuthor("user").filter({ hasText: text })).toHaveCount(1);
  }
}
