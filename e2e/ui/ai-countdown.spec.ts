// Issue 14, point 5 (a window you can see): the thread shows the countdown to the AI's answer, live and after a
// reload, and it becomes "AI answering…" when the AI's turn starts; the inbox shows it on each waiting conversation,
// and "Waiting for you" when the hours and availability rule leaves the customer to a person. On the phone.
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "../fixtures";
import { uniqueCallerNumber } from "../support/caller-number";
import { collectConsoleErrors } from "../support/console-errors";
import { placeMissedCall, sendCustomerText } from "../support/simulator-api";

type Settings = { available: boolean; aiEngageDelaySeconds: number | null; businessHours: unknown };
const allDay = [{ open: "00:00", close: "24:00" }];
const alwaysOpen = { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay };

/** Sets the demo business's window (and availability, hours) for one test; gives back what restores it. */
async function useBusinessSettings(request: APIRequestContext, patch: Partial<Settings>) {
  const current = (await (await request.get("/api/business")).json()) as Settings;
  const saved: Settings = {
    available: current.available,
    aiEngageDelaySeconds: current.aiEngageDelaySeconds,
    businessHours: current.businessHours,
  };
  const response = await request.patch("/api/business", { data: patch });
  expect(response.status(), await response.text()).toBe(200);
  return async () => {
    expect((await request.patch("/api/business", { data: saved })).status()).toBe(200);
  };
}

test.beforeEach(({}, testInfo) => {
  test.skip(testInfo.project.name !== "phone", "the countdown is checked at the phone's viewport");
});

test("the thread counts down to the AI's answer, after a reload too, and reaches 'AI answering'", async ({
  threadPage,
  signedInPage: page,
}) => {
  test.slow();
  const errors = collectConsoleErrors(page);
  const restore = await useBusinessSettings(page.request, { available: false, aiEngageDelaySeconds: 20 });
  try {
    const caller = uniqueCallerNumber();
    const { threadId } = await placeMissedCall(page.request, caller);
    await threadPage.goto(threadId);
    const countdown = page.getByTestId("ai-countdown");
    await expect(countdown, "no AI answer is pending before the customer writes").toHaveCount(0);

    await sendCustomerText(page.request, caller, "Hi, is anyone free to look at a leaking tap?");
    await expect(countdown).toHaveAttribute("data-state", "counting");
    await expect(countdown).toContainText(/AI answers in 0:[0-2]\d/);
    await expect(countdown).toBeInViewport();

    // A reload counts from the server's deadline, not from the moment the page opened.
    await threadPage.goto(threadId);
    await expect(countdown).toHaveAttribute("data-state", "counting");
    await expect(countdown).toContainText(/AI answers in 0:[0-2]\d/);

    // Every state the countdown shows from here on, however briefly (the assistant answers quickly).
    await page.evaluate(() => {
      const seen = new Set<string>();
      (window as unknown as { countdownStates: Set<string> }).countdownStates = seen;
      const record = () => {
        const element = document.querySelector('[data-testid="ai-countdown"]');
        if (element) seen.add(`${element.getAttribute("data-state")}: ${element.textContent}`);
      };
      new MutationObserver(record).observe(document.body, {
        childList: true,
        subtree: true,
        characterData: true,
        attributes: true,
      });
      record();
    });
    await expect(threadPage.byAuthor("ai")).toHaveCount(1, { timeout: 40_000 });
    const states = await page.evaluate(() => [
      ...(window as unknown as { countdownStates: Set<string> }).countdownStates,
    ]);
    expect(states.some((state) => state.startsWith("answering") && state.includes("AI answering…"))).toBe(true);
    // Once the AI has answered, nothing is pending.
    await expect(countdown).toHaveCount(0);
    expect(errors).toEqual([]);
  } finally {
    await restore();
  }
});

test("the inbox shows the countdown on a waiting conversation, and 'Waiting for you' when you are available", async ({
  inboxPage,
  threadPage,
  signedInPage: page,
}) => {
  test.slow();
  const errors = collectConsoleErrors(page);
  const restore = await useBusinessSettings(page.request, { available: false, aiEngageDelaySeconds: 600 });
  const caller = uniqueCallerNumber();
  let threadId = "";
  try {
    ({ threadId } = await placeMissedCall(page.request, caller));
    await sendCustomerText(page.request, caller, "Can someone come by this afternoon?");
    await inboxPage.goto();
    const row = inboxPage.thread(threadId);
    await expect(row.getByTestId("ai-countdown")).toHaveText(/^AI answers in (10:00|9:\d\d)$/);

    // Inside business hours and available: the AI will not answer, the professional is expected to.
    expect(
      (await page.request.patch("/api/business", { data: { available: true, businessHours: alwaysOpen } })).status(),
    ).toBe(200);
    await inboxPage.goto();
    await expect(row.getByTestId("waiting-marker")).toHaveText("Waiting for you");
    await expect(row.getByTestId("ai-countdown")).toHaveCount(0);
    await threadPage.goto(threadId);
    await expect(page.getByTestId("ai-countdown")).toHaveAttribute("data-state", "waiting");
    await expect(page.getByTestId("ai-countdown")).toContainText("Waiting for you");

    // Taking over ends it: a person has the conversation.
    await threadPage.takeover.click();
    await expect(threadPage.modeBadge).toHaveAttribute("data-mode", "human");
    await expect(page.getByTestId("ai-countdown")).toHaveCount(0);
    expect(errors).toEqual([]);
  } finally {
    if (threadId) await page.request.post(`/api/threads/${threadId}/takeover`);
    await restore();
  }
});
