// Issue 12, defect 15 (the thread's small things): the composer sits on the phone's tab bar with no gap, Call back
// follows the call (ringing, connected, ended or didn't connect), and "Hand back to AI" appears only on a
// conversation the AI had.
import { expect, test } from "../fixtures";
import { uniqueCallerNumber } from "../support/caller-number";
import { placeMissedCall, sendCustomerText } from "../support/simulator-api";

test("on a phone the composer rests on the tab bar: no gap for messages to show through", async ({
  threadPage,
  signedInPage: page,
}, testInfo) => {
  test.skip(testInfo.project.name !== "phone", "the tab bar is the phone's");
  const caller = uniqueCallerNumber();
  const { threadId } = await placeMissedCall(page.request, caller);
  await page.request.post(`/api/threads/${threadId}/takeover`);
  for (let index = 1; index <= 12; index += 1) {
    await page.request.post(`/api/threads/${threadId}/messages`, { data: { body: `Note ${index}: on our way.` } });
  }
  await threadPage.goto(threadId);
  const nav = page.getByRole("navigation", { name: "Main" }).last();
  const bar = page.getByTestId("composer-bar");
  await expect(bar).toBeInViewport();
  const [barBox, navBox] = [await bar.boundingBox(), await nav.boundingBox()];
  expect(Math.abs(barBox!.y + barBox!.height - navBox!.y), "composer bottom meets the tab bar's top").toBeLessThan(1);
});

test("Call back follows the call: ringing, connected, ended; a declined one did not connect", async ({
  threadPage,
  signedInPage: page,
  context,
}) => {
  const caller = uniqueCallerNumber();
  const { threadId } = await placeMissedCall(page.request, caller);
  await threadPage.goto(threadId);
  const status = page.getByTestId("call-back-status");
  const button = page.getByTestId("call-back-button");

  // The customer's handset, in a second tab.
  const handset = await context.newPage();
  await handset.goto("/simulator");
  await handset.getByTestId("sim-caller").fill(caller);

  await button.click();
  await expect(status).toHaveText("Ringing…");
  await expect(button).toBeDisabled();
  await handset.getByTestId("sim-call-answer").click();
  await expect(status).toHaveText("Connected");
  await handset.getByTestId("sim-call-hang-up").click();
  await expect(status).toHaveText("Call ended");
  await expect(button).toBeEnabled();

  await button.click();
  await expect(status).toHaveText("Ringing…");
  await handset.getByTestId("sim-call-decline").click();
  await expect(status).toHaveText(/^Didn't connect/);
  await expect(button).toBeEnabled();
});

test("Hand back to AI is offered only on a conversation the AI had", async ({ threadPage, signedInPage: page }) => {
  test.slow();
  const neverAi = await placeMissedCall(page.request, uniqueCallerNumber());
  await threadPage.goto(neverAi.threadId);
  await expect(threadPage.modeBadge).toHaveAttribute("data-mode", "auto");
  await expect(page.getByTestId("release-button")).toHaveCount(0);
  await threadPage.takeover.click();
  await expect(threadPage.modeBadge).toHaveAttribute("data-mode", "human");
  await expect(page.getByTestId("release-button"), "the AI never had this one").toHaveCount(0);

  const caller = uniqueCallerNumber();
  const hadAi = await placeMissedCall(page.request, caller);
  await threadPage.goto(hadAi.threadId);
  await sendCustomerText(page.request, caller, "The kitchen tap is dripping");
  await expect(threadPage.byAuthor("ai")).toHaveCount(1, { timeout: 20_000 });
  await threadPage.takeover.click();
  await expect(threadPage.modeBadge).toHaveAttribute("data-mode", "human");
  await expect(page.getByTestId("release-button")).toHaveText("Hand back to AI");
});
