// Issue 5: the inbox is live. A missed call and the customer's reply show up without a reload, the AI's reply
// streams in, and "Take over" then typing a reply sends it as the person.
import { expect, test } from "../fixtures";
import { displayPhone, uniqueCallerNumber } from "../support/caller-number";
import { getThreadMode, placeMissedCall, sendCustomerText, simulatorMessages } from "../support/simulator-api";

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
  // After the 2 s window the assistant writes its reply in pieces: the live bubble shows it growing, then the stored
  // message takes its place.
  await expect(threadPage.byAuthor("ai")).toHaveCount(1, { timeout: 20_000 });
  await expect(threadPage.byAuthor("ai")).toContainText("What's the address");
  await expect(threadPage.aiStream).toHaveCount(0);
  // Streamed: the live bubble showed part of the reply before the whole of it was there, and each text it showed
  // extended the one before. (On a loaded machine the browser may render several deltas at once, so the count of
  // texts seen is not the point; a strict beginning of the reply on screen is.)
  const shown = await threadPage.aiStreamTexts();
  let reply = "";
  await expect
    .poll(
      async () =>
        (reply =
          (await simulatorMessages(page.request, caller)).find((message) => message.authorKind === "ai")?.body ?? ""),
    )
    .not.toBe("");
  expect(shown.length, "the live bubble showed the reply while it was written").toBeGreaterThanOrEqual(1);
  // The thread's first AI message is stored with the assistant's introduction in front, added once the model has
  // written: the live bubble streams what the model writes, which is the stored text after the introduction.
  const written = reply.replace(/^Hi, this is .+?'s virtual assistant\. /, "");
  expect(written, "the stored reply carries the introduction").not.toBe(reply);
  expect(
    written.startsWith(shown[0]!) && shown[0]!.length < written.length,
    `${JSON.stringify(shown)} vs ${written}`,
  ).toBe(true);
  for (const [index, text] of shown.slice(1).entries())
    expect(text.startsWith(shown[index]!), `each text extends the one before: ${JSON.stringify(shown)}`).toBe(true);
  await expect(threadPage.modeBadge).toHaveAttribute("data-mode", "ai");

  await threadPage.takeover.click();
  await expect(threadPage.modeBadge).toHaveAttribute("data-mode", "human");
  await expect(threadPage.takeover).toHaveCount(0);
  const text = "Hi, this is the plumber. I can come by at 3 pm today.";
  await threadPage.replyAsPerson(text);
  await expect(threadPage.byAuthor("user").filter({ hasText: text })).not.toContainText(/failed|Undelivered|Not sent/);
  expect(await getThreadMode(page.request, threadId)).toBe("human");

  // The customer answers again: no AI turn while a person holds the conversation. Checked once the window would
  // have ended: a second customer, in a conversation nobody holds, texts right after; when the AI has answered
  // them, the held conversation's window (which began earlier, and is as long) is over and its turn would be done.
  const other = uniqueCallerNumber();
  await placeMissedCall(page.request, other);
  await sendCustomerText(page.request, caller, "3 pm works, thanks");
  await sendCustomerText(page.request, other, "Do you fix dripping taps?");
  await expect
    .poll(async () => (await simulatorMessages(page.request, other)).some((message) => message.authorKind === "ai"), {
      timeout: 20_000,
    })
    .toBe(true);
  await expect(threadPage.byAuthor("customer")).toHaveCount(2);
  await expect(threadPage.byAuthor("ai")).toHaveCount(1);
  expect(
    (await simulatorMessages(page.request, caller)).filter((message) => message.authorKind === "ai"),
    "no AI text reached the held customer's phone",
  ).toHaveLength(1);
});
