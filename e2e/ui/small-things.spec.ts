// Issue 12, defects 4 and 15 (outside the thread): a styled 404 with a way back; job values exact to the cent and
// "1e3" refused; visible keyboard focus on inbox rows; "Test my setup" says in words which step passed or failed,
// and plainly that no phone will be notified when no device is registered.
import { expect, test } from "../fixtures";
import { uniqueCallerNumber } from "../support/caller-number";
import { findLeadByPhone, placeMissedCall } from "../support/simulator-api";

test("an unknown address gets the app's own 404 page with a way back", async ({ signedInPage: page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found", level: 1 })).toBeVisible();
  await page.getByRole("link", { name: "Back to the inbox" }).click();
  await expect(page).toHaveURL(/\/inbox$/);
  await expect(page.getByRole("heading", { name: "Inbox", level: 1 })).toBeVisible();
});

test("a won job's value is kept to the cent, and 1e3 is refused", async ({ leadDetailPage, signedInPage: page }) => {
  const caller = uniqueCallerNumber();
  await placeMissedCall(page.request, caller);
  const lead = (await findLeadByPhone(page.request, caller))!;
  await leadDetailPage.goto(lead.id);
  await leadDetailPage.status.selectOption("won");
  const value = page.getByTestId("lead-value-input");
  await value.fill("1e3");
  await expect(page.getByText("Enter an amount such as 450 or 1,250.50.")).toBeVisible();
  await expect(page.getByTestId("lead-mark-won")).toBeDisabled();
  await value.fill("1,250.50");
  await page.getByTestId("lead-mark-won").click();
  await expect(leadDetailPage.status).toHaveValue("won");
  await expect(page.getByText("$1,250.50").first()).toBeVisible();
  expect((await findLeadByPhone(page.request, caller))!.valueCents).toBe(125_050);
});

test("keyboard focus on an inbox row is a clearly visible ring", async ({ inboxPage, signedInPage: page }) => {
  await placeMissedCall(page.request, uniqueCallerNumber());
  await inboxPage.goto();
  const firstRow = inboxPage.items.first().getByRole("link");
  for (let presses = 0; presses < 40; presses += 1) {
    await page.keyboard.press("Tab");
    if (await firstRow.evaluate((element) => element === document.activeElement)) break;
  }
  await expect(firstRow).toBeFocused();
  const outline = await firstRow.evaluate((element) => {
    const style = getComputedStyle(element);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth), color: style.outlineColor };
  });
  expect(outline.style).toBe("solid");
  expect(outline.width).toBeGreaterThanOrEqual(2);
});

test("Test my setup: each step says Passed or Failed, and no device means no phone will be notified", async ({
  signedInPage: page,
}) => {
  // Start from no registered device (another spec may have registered this browser).
  const { subscriptions } = (await (await page.request.get("/api/push/subscriptions")).json()) as {
    subscriptions: { endpoint: string }[];
  };
  for (const { endpoint } of subscriptions) {
    await page.request.delete("/api/push/subscriptions", { data: { endpoint } });
  }
  await page.goto("/settings#setup-test");
  await page.getByTestId("setup-test-button").click();
  const steps = page.getByTestId("setup-test-step");
  await expect(steps).toHaveCount(5, { timeout: 20_000 });
  for (const step of await steps.all()) {
    await expect(step).toContainText(/Passed|Failed|Check/);
  }
  const push = steps.last();
  await expect(push).toContainText("Failed");
  await expect(push).toContainText("No phone will be notified");
  await expect(page.getByTestId("setup-test-result")).toContainText("Something needs attention.");
});
