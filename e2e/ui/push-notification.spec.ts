// Issue 5: the service worker shows a notification for a push and its Take over action takes the conversation
// over; the app passes Chromium's installability check. Chromium-only (DevTools protocol); run once, on the phone.
import { expect, test } from "../fixtures";
import { InboxPage } from "../pages/inbox-page";
import { ServiceWorkerDriver } from "../pages/service-worker";
import { uniqueCallerNumber } from "../support/caller-number";
import { getThreadMode, placeMissedCall } from "../support/simulator-api";

test.beforeEach(({ browserName }, testInfo) => {
  test.skip(
    browserName !== "chromium" || testInfo.project.name !== "phone",
    "PWA checks run once, in the phone project",
  );
});

test("a push shows a notification whose Take over action takes the conversation over", async ({
  inboxPage,
  signedInPage: page,
  baseURL,
}) => {
  await page.context().grantPermissions(["notifications"], { origin: baseURL });
  await inboxPage.goto();
  const worker = await ServiceWorkerDriver.attach(page);
  await worker.waitUntilControlling();

  const caller = uniqueCallerNumber();
  const { threadId } = await placeMissedCall(page.request, caller);
  expect(await getThreadMode(page.request, threadId)).toBe("auto");
  await worker.push({
    threadId,
    kind: "customer_reply",
    title: "A customer replied",
    body: "Is anyone free today?",
    url: `/inbox/${threadId}`,
  });

  await expect
    .poll(() => worker.notifications())
    .toEqual([
      expect.objectContaining({
        title: "A customer replied",
        body: "Is anyone free today?",
        tag: threadId,
        actions: ["takeover", "let-ai"],
      }),
    ]);

  await worker.tap(threadId, "takeover");
  // The tap takes over, then opens the conversation with the reply box ready.
  await expect(page).toHaveURL(new RegExp(`/inbox/${threadId}\\?focus=composer$`));
  expect(await getThreadMode(page.request, threadId)).toBe("human");
  await expect(page.getByTestId("mode-badge").first()).toHaveAttribute("data-mode", "human");
  await expect(page.getByTestId("composer-input")).toBeFocused();
  expect(await worker.notifications()).toEqual([]);
});

test("the app is installable: manifest, icons and service worker pass Chromium's check", async ({
  playwright,
  ownerCookies,
  baseURL,
}, testInfo) => {
  // Chromium reports every incognito profile (Playwright's default contexts) as not installable: use a real profile.
  const profile = testInfo.outputPath("profile");
  const context = await playwright.chromium.launchPersistentContext(profile, {
    ...testInfo.project.use.launchOptions,
    baseURL,
    viewport: testInfo.project.use.viewport,
  });
  try {
    await context.addCookies(ownerCookies);
    const page = context.pages()[0] ?? (await context.newPage());
    await new InboxPage(page).goto();
    const worker = await ServiceWorkerDriver.attach(page);
    await worker.waitUntilControlling();
    await expect.poll(() => worker.installabilityErrors()).toEqual([]);
  } finally {
    await context.close();
  }
});
