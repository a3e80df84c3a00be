import { expect, type Locator, type Page } from "@playwright/test";

export class SimulatorPage {
  readonly caller: Locator;
  readonly callMissed: Locator;
  readonly status: Locator;
  readonly outbox: Locator;
  readonly messages: Locator;
  readonly replyInput: Locator;
  readonly replySend: Locator;

  constructor(readonly page: Page) {
    this.caller = page.getByTestId("sim-caller");
    this.callMissed = page.getByTestId("sim-call-missed");
    this.status = page.getByTestId("sim-status");
    this.outbox = page.getByTestId("sim-outbox");
    this.messages = this.outbox.getByTestId("sim-message");
    this.replyInput = page.getByTestId("sim-reply-input");
    this.replySend = page.getByTestId("sim-reply-send");
  }

  async goto() {
    await this.page.goto("/simulator");
    await expect(this.caller).toBeVisible();
  }

  async callFrom(phone: string) {
    await this.caller.fill(phone);
    await this.useCaller(phone);
    await this.callMissed.click();
    await expect(this.status).toContainText("Missed call");
  }

  /** Switches the handset to an existing caller (the conversation of that number shows up). */
  async useCaller(phone: string) {
    await this.caller.fill(phone);
    await expect(this.caller).toHaveValue(phone);
    await expect(this.callMissed).toBeEnabled();
  }

  async reply(text: string) {
    await this.replyInput.fill(text);
    await this.replySend.click();
    await expect(this.replyInput).toHaveValue("");
    await expect(this.messages.filter({ hasText: text })).toHaveCount(1);
  }
}
