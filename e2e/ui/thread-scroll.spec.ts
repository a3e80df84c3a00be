// Issue 12, defect 6: a long conversation opens at its newest message; a reader who scrolled up keeps their place
// when a message arrives, and a "new message" pill takes them down to it.
import { expect, test } from "../fixtures";
import { uniqueCallerNumber } from "../support/caller-number";
import { placeMissedCall, sendCustomerText } from "../support/simulator-api";

test("a long thread opens at the newest message and keeps the reader's place, with a new message pill", async ({
  threadPage,
  signedInPage: page,
}) => {
  test.slow();
  const caller = uniqueCallerNumber();
  const { threadId } = await placeMissedCall(page.request, caller);
  expect((await page.request.post(`/api/threads/${threadId}/takeover`)).status()).toBe(200);
  for (let index = 1; index <= 24; index += 1) {
    const reply = await page.request.post(`/api/threads/${threadId}/messages`, {
      data: { body: `Update ${index} of 24: we are on our way, more details follow.` },
    });
    expect(reply.status(), await reply.text()).toBeLessThan(300);
  }

  await threadPage.goto(threadId);
  const newest = threadPage.byAuthor("user").filter({ hasText: "Update 24 of 24" });
  await expect(newest).toBeInViewport();
  await expect(threadPage.byAuthor("system")).not.toBeInViewport();

  // The reader goes back to the start of the conversation; a customer text arrives meanwhile.
  await page.evaluate(() => window.scrollTo({ top: 0, behavior: "instant" }));
  await expect(threadPage.byAuthor("system")).toBeInViewport();
  const text = `Thanks, see you soon (${caller.slice(-4)})`;
  await sendCustomerText(page.request, caller, text);
  const arrived = threadPage.byAuthor("customer").filter({ hasText: text });
  await expect(arrived).toHaveCount(1);
  const pill = page.getByTestId("new-message-pill");
  await expect(pill).toBeVisible();
  await expect(threadPage.byAuthor("system"), "the reader's place is kept").toBeInViewport();
  await expect(arrived).not.toBeInViewport();

  await pill.click();
  await expect(arrived).toBeInViewport();
  await expect(pill).toHaveCount(0);
});
