// Issue 14, point 3 ("AI suggests, I approve"), on the phone: with the business in approve mode, the AI's reply to a
// customer waits in the thread as a draft. The pro sends it as written, edits it in the reply box and sends their
// version, or discards it. Each time the customer gets at most one text, the draft card goes, and the thread, the
// draft card, the reply box in edit mode and the settings choice pass axe with a clean console.
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "../fixtures";
import type { ThreadPage } from "../pages/thread-page";
import { uniqueCallerNumber } from "../support/caller-number";
import { findSeriousAxeViolations, recordConsoleProblems, waitForIdle } from "../support/page-health";
import { placeMissedCall, sendCustomerText, simulatorMessages } from "../support/simulator-api";

type Settings = { available: boolean; aiReplyMode: "auto" | "approve"; aiDraftAutoSendMinutes: number | null };

/** Puts the demo business in approve mode (the pro away, so the AI takes its turn); gives back what restores it. */
async function useApproveMode(request: APIRequestContext, patch: Partial<Settings> = {}) {
  const current = (await (await request.get("/api/business")).json()) as Settings;
  const saved: Settings = {
    available: current.available,
    aiReplyMode: current.aiReplyMode,
    aiDraftAutoSendMinutes: current.aiDraftAutoSendMinutes,
  };
  const response = await request.patch("/api/business", {
    data: { available: false, aiReplyMode: "approve", aiDraftAutoSendMinutes: null, ...patch },
  });
  expect(response.status(), await response.text()).toBe(200);
  return async () => {
    expect((await request.patch("/api/business", { data: saved })).status()).toBe(200);
  };
}

/** A new customer who texts after a missed call; resolves once the thread shows the AI's draft. */
async function customerWithDraft(threadPage: ThreadPage) {
  const request = threadPage.page.request;
  const caller = uniqueCallerNumber();
  const { threadId } = await placeMissedCall(request, caller);
  await threadPage.goto(threadId);
  await sendCustomerText(request, caller, "Hi, the shower drain is blocked and water is backing up. Can you help?");
  const card = threadPage.page.getByTestId("ai-draft");
  await expect(card).toBeVisible({ timeout: 40_000 });
  const draftBody = (await card.getByTestId("ai-draft-body").textContent())?.trim() ?? "";
  expect(draftBody.length).toBeGreaterThan(0);
  await expect(card).toContainText("AI draft · not sent · waiting for you");
  return { caller, threadId, card, draftBody };
}

/** What the customer's phone got from the AI. */
async function aiTextsOnPhone(request: APIRequestContext, caller: string) {
  return (await simulatorMessages(request, caller))
    .filter((message) => message.direction === "outbound" && message.authorKind === "ai")
    .map((message) => message.body);
}

test.beforeEach(({}, testInfo) => {
  test.skip(testInfo.project.name !== "phone", "drafts are approved from the phone");
});

test("the pro approves a draft from the thread: it is sent once and the draft goes", async ({
  threadPage,
  signedInPage: page,
}) => {
  test.slow();
  const problems = recordConsoleProblems(page);
  const restore = await useApproveMode(page.request);
  let threadId = "";
  try {
    const started = await customerWithDraft(threadPage);
    threadId = started.threadId;
    const { caller, card, draftBody } = started;
    // Nothing has gone to the customer: the AI only drafted.
    await expect(threadPage.byAuthor("ai")).toHaveCount(0);
    expect(await aiTextsOnPhone(page.request, caller)).toEqual([]);
    await expect(card.getByTestId("ai-draft-send")).toBeInViewport();
    await waitForIdle(page);
    expect(await findSeriousAxeViolations(page), "axe with a draft in the thread").toEqual([]);

    await card.getByTestId("ai-draft-send").click();
    await expect(card).toHaveCount(0);
    const sent = threadPage.byAuthor("ai");
    await expect(sent).toHaveCount(1);
    await expect(sent).toContainText(draftBody);
    await expect(sent).toContainText(/AI draft · sent by /);
    await expect(page.getByTestId("draft-notice")).toHaveCount(0);
    await expect.poll(() => aiTextsOnPhone(page.request, caller)).toEqual([draftBody]);

    // After a reload: still one message, no draft.
    await threadPage.goto(threadId);
    await expect(threadPage.byAuthor("ai")).toHaveCount(1);
    await expect(page.getByTestId("ai-draft")).toHaveCount(0);
    expect(problems).toEqual([]);
  } finally {
    if (threadId) await page.request.post(`/api/threads/${threadId}/takeover`);
    await restore();
  }
});

test("Edit puts the draft in the reply box and Send sends the edited text, once", async ({
  threadPage,
  signedInPage: page,
}) => {
  test.slow();
  const problems = recordConsoleProblems(page);
  const restore = await useApproveMode(page.request);
  let threadId = "";
  try {
    const started = await customerWithDraft(threadPage);
    threadId = started.threadId;
    const { caller, card, draftBody } = started;

    await card.getByTestId("ai-draft-edit").click();
    await expect(threadPage.composer).toHaveValue(draftBody);
    await expect(threadPage.composer).toBeFocused();
    await expect(page.getByTestId("composer-draft")).toContainText("Editing the AI's draft");
    await expect(card).toContainText("Editing in the reply box below.");
    await expect(card.getByTestId("ai-draft-send")).toHaveCount(0);
    await expect(threadPage.composer).toBeInViewport();
    await waitForIdle(page);
    expect(await findSeriousAxeViolations(page), "axe with the draft in the reply box").toEqual([]);

    const edited = "Thanks for the details. What is the address, and is the drain in the main bathroom?";
    await threadPage.composer.fill(edited);
    await threadPage.send.click();
    await expect(threadPage.composer).toHaveValue("");
    await expect(page.getByTestId("ai-draft")).toHaveCount(0);
    await expect(page.getByTestId("composer-draft")).toHaveCount(0);
    await expect(threadPage.byAuthor("ai")).toHaveCount(1);
    await expect(threadPage.byAuthor("ai")).toContainText(edited);
    // The edit went out as the AI's approved reply, not as a reply of one's own, and the original never did.
    await expect(threadPage.byAuthor("user")).toHaveCount(0);
    await expect.poll(() => aiTextsOnPhone(page.request, caller)).toEqual([edited]);
    expect(problems).toEqual([]);
  } finally {
    if (threadId) await page.request.post(`/api/threads/${threadId}/takeover`);
    await restore();
  }
});

test("the notification's Edit opens the thread with the draft in the reply box; Cancel edit gives the card back", async ({
  threadPage,
  signedInPage: page,
}) => {
  test.slow();
  const problems = recordConsoleProblems(page);
  const restore = await useApproveMode(page.request);
  let threadId = "";
  try {
    const started = await customerWithDraft(threadPage);
    threadId = started.threadId;
    const { caller, draftBody } = started;

    await page.goto(`/inbox/${threadId}?draft=edit`);
    await expect(threadPage.composer).toHaveValue(draftBody);
    await expect(page.getByTestId("composer-draft")).toBeVisible();
    await expect(page.getByTestId("ai-draft")).toContainText("Editing in the reply box below.");

    await page.getByRole("button", { name: "Cancel edit" }).click();
    await expect(threadPage.composer).toHaveValue("");
    await expect(page.getByTestId("composer-draft")).toHaveCount(0);
    await expect(page.getByTestId("ai-draft-send")).toBeVisible();
    // Cancelling sends nothing and keeps the draft.
    expect(await aiTextsOnPhone(page.request, caller)).toEqual([]);
    await page.getByTestId("ai-draft-discard").click();
    await expect(page.getByTestId("ai-draft")).toHaveCount(0);
    expect(problems).toEqual([]);
  } finally {
    if (threadId) await page.request.post(`/api/threads/${threadId}/takeover`);
    await restore();
  }
});

test("Discard removes the draft and nothing is sent", async ({ threadPage, signedInPage: page }) => {
  test.slow();
  const problems = recordConsoleProblems(page);
  const restore = await useApproveMode(page.request);
  let threadId = "";
  try {
    const started = await customerWithDraft(threadPage);
    threadId = started.threadId;
    const { caller, card } = started;

    await card.getByTestId("ai-draft-discard").click();
    await expect(card).toHaveCount(0);
    await expect(page.getByTestId("draft-notice")).toHaveCount(0);
    await expect(threadPage.byAuthor("ai")).toHaveCount(0);
    // The server agrees: no draft left to send, and the phone has nothing from the AI.
    const detail = (await (await page.request.get(`/api/threads/${threadId}`)).json()) as {
      thread: { draft: unknown };
    };
    expect(detail.thread.draft).toBeNull();
    expect(await aiTextsOnPhone(page.request, caller)).toEqual([]);
    await threadPage.goto(threadId);
    await expect(page.getByTestId("ai-draft")).toHaveCount(0);
    expect(problems).toEqual([]);
  } finally {
    if (threadId) await page.request.post(`/api/threads/${threadId}/takeover`);
    await restore();
  }
});

test("settings: the approve choice and its auto-send delay pass axe with a clean console", async ({
  signedInPage: page,
}) => {
  const problems = recordConsoleProblems(page);
  const restore = await useApproveMode(page.request, { aiDraftAutoSendMinutes: 15 });
  try {
    await page.goto("/settings");
    await expect(page.getByRole("form", { name: "Business settings" })).toHaveAttribute("data-hydrated", "true");
    const mode = page.getByTestId("ai-reply-mode");
    await expect(mode.getByRole("radio", { name: /AI suggests, I approve/ })).toBeChecked();
    await expect(page.getByRole("switch", { name: /Send unanswered drafts automatically/ })).toBeChecked();
    await expect(page.getByLabel(/Send a draft nobody acted on after/)).toHaveValue("15");
    await waitForIdle(page);
    expect(await findSeriousAxeViolations(page), "axe on settings in approve mode").toEqual([]);
    expect(problems).toEqual([]);
  } finally {
    await restore();
  }
});
