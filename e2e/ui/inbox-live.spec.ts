// Issue 5: the inbox is live. A missed call and the customer's reply show up without a reload, the AI's reply
// streams in, and "Take over" then typing a reply sends it as the person.
import { expect, test } from "../fixtures";
import { displayPhone, uniqueCallerNumber } from "../support/caller-number";
import { getThreadMode, placeMissedCall, sendCustomerText } from "../support/simulator-api";

test("a missed call and the customer's reply appear in an open inbox without a reload", async ({
  inboxPage,
  signedInPage: page,
}) => {
  const caller = uniqueCallerNumber();
  await inboxPage.goto();
  const navigations: string[] = [];
  page.on("framenavigated", (frame) => frame === page.mainFrame() && navigations.push(frame.url()));

  const { threadId } = await placeMissedCall(page.request, caller);
  const row = inboxPage.thread(threadId);
  await expect(row).toBeVisible();
  await expect(row).toContainText(displayPhone(caller));
  await expect(inboxPage.items.first()).toHaveAttribute("data-thread-id", threadId);

  const reply = `Is anyone free this week? (${caller.slice(-4)})`;
  await sendCustomerText(page.request, caller, reply);
  await expect(row).toContainText(reply);
  await expect(row.getByTestId("unread-dot")).toBeVisible();
  expect(navigations, "the page never reloaded").toEqual([]);
});

test("the AI's reply streams into an open thread; Take over, then a typed reply is sent as the person", async ({
  threadPage,
  signedInPage: page,
}) => {
  test.slow();
  const caller = uniqueCallerNumber();
  const { threadId } = await placeMissedCall(page.request, caller);
  await threadPage.goto(threadId);
  await expect(threadPage.byAuthor("system")).toHaveCount(1);
  await expect(threadPage.modeBadge).toHaveAttribute("data-mode", "auto");
  await threadPage.watchForAiStream();

  await sendCustomerText(page.request, caller, "The water heater makes a loud banging noise");
  await expect(threadPage.byAuthor("customer")).toHaveCount(1);
  // After the 2 s window the scripted assistant writes in small chunks; the bubble may be on screen only briefly.
  await expect(threadPage.aiStream.or(threadPage.byAuthor("ai"))).not.toHaveCount(0, { timeout: 20_000 });
  await expect(threadPage.byAuthor("ai")).toHaveCount(1, { timeout: 20_000 });
  await expect(threadPage.byAuthor("ai")).toContainText("What's the address");
  await expect(threadPage.aiStream).toHaveCount(0);
  test.info().annotations.push({ type: "ai-stream seen", description: String(await threadPage.sawAiStream()) });
  await expect(threadPage.modeBadge).toHaveAttribute("data-mode", "ai");

  await threadPage.takeover.click();
  await expect(threadPage.modeBadge).toHaveAttribute("data-mode", "human");
  await expect(threadPage.takeover).toHaveCount(0);
  const text = "Hi, this is the plumber. I can come by at 3 pm today.";
  await threadPage.replyAsPerson(text);
  await expect(threadPage.byAuthor("user").filter({ hasText: text })).not.toContainText(/failed|Undelivered|Not sent/);
  expect(await getThreadMode(page.request, threadId)).toBe("human");

  // The customer answers again: no AI turn while a person holds the conversation.
  await sendCustomerText(page.request, caller, "3 pm works, thanks");
  await expect(threadPage.byAuthor("customer")).toHaveCount(2);
  await expect(threadPage.byAuthor("ai")).toHaveCount(1);
});
