// The app's service worker seen from a test: wait until it controls the page, push to it through the DevTools
// protocol (Chromium), read the notifications it shows, and "tap" one through the worker's message hook.
import { expect, type CDPSession, type Page } from "@playwright/test";

type Registration = { registrationId: string; scopeURL: string; isDeleted: boolean };
export type ShownNotification = { title: string; body: string; tag: string; actions: string[]; data: unknown };

export class ServiceWorkerDriver {
  private readonly registrations = new Map<string, Registration>();

  private constructor(
    readonly page: Page,
    readonly cdp: CDPSession,
  ) {}

  static async attach(page: Page): Promise<ServiceWorkerDriver> {
    const cdp = await page.context().newCDPSession(page);
    const driver = new ServiceWorkerDriver(page, cdp);
    cdp.on("ServiceWorker.workerRegistrationUpdated", ({ registrations }) => {
      for (const registration of registrations as Registration[])
        driver.registrations.set(registration.registrationId, registration);
    });
    await cdp.send("ServiceWorker.enable");
    return driver;
  }

  /** Resolves once /sw.js is active and controls the page (it claims clients on activation). */
  async waitUntilControlling() {
    await this.page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (navigator.serviceWorker.controller) return;
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }),
      );
    });
    const origin = new URL(this.page.url()).origin;
    await expect
      .poll(() => [...this.registrations.values()].find((r) => !r.isDeleted && r.scopeURL === `${origin}/`))
      .toBeTruthy();
  }

  async push(payload: Record<string, unknown>) {
    const origin = new URL(this.page.url()).origin;
    const registration = [...this.registrations.values()].find((r) => !r.isDeleted && r.scopeURL === `${origin}/`)!;
    await this.cdp.send("ServiceWorker.deliverPushMessage", {
      origin,
      registrationId: registration.registrationId,
      data: JSON.stringify(payload),
    });
  }

  async notifications(): Promise<ShownNotification[]> {
    return this.page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      return (await registration.getNotifications()).map((notification) => ({
        title: notification.title,
        body: notification.body,
        tag: notification.tag,
        actions: ((notification as unknown as { actions?: { action: string }[] }).actions ?? []).map((a) => a.action),
        data: notification.data as unknown,
      }));
    });
  }

  /** Runs the worker's notificationclick handling for the notification with this tag, as a tap on `action`. */
  async tap(tag: string, action: string) {
    await this.page.evaluate(
      ({ tag, action }) =>
        navigator.serviceWorker.controller!.postMessage({ type: "test-notificationclick", tag, action }),
      { tag, action },
    );
  }

  async installabilityErrors(): Promise<unknown[]> {
    const { installabilityErrors } = await this.cdp.send("Page.getInstallabilityErrors");
    return installabilityErrors;
  }
}
