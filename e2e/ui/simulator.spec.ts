// Issues 3 and 4 in simulator mode: a missed call on /simulator texts the caller and opens a thread and a lead;
// the customer's replies get the scripted assistant's questions after the window, and the lead fills in.
import { expect, test } from "../fixtures";
import { displayPhone, uniqueCallerNumber } from "../support/caller-number";
import { findLeadByPhone, placeMissedCall } from "../support/simulator-api";

test("a missed call placed on the simulator shows its auto-text there, a new thread in the inbox and the lead", async ({
  simulatorPage,
  inboxPage,
  leadsPage,
  signedInPage: page,
}) => {
  const caller = uniqueCallerNumber();
  await simulatorPage.goto();
  // The call buttons carry the app's line icons (no emoji) and are named by their words alone.
  for (const name of ["Call (goes unanswered)", "Call (answered)", "Call and leave a voicemail"]) {
    const button = page.getByRole("button", { name, exact: true });
    await expect(button).toHaveText(name);
    await expect(button.locator("svg[aria-hidden='true']")).toHaveCount(1);
  }
  await simulatorPage.callFrom(caller);
  await expect(simulatorPage.status).toContainText("Auto-text on its way");
  const autoText = simulatorPage.messages.first();
  await expect(autoText).toContainText(/STOP/);
  const autoTextBody = (await autoText.locator("p").first().textContent())!.trim();

  await inboxPage.goto();
  const row = inboxPage.items.filter({ hasText: displayPhone(caller) });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId("mode-badge")).toHaveAttribute("data-mode", "auto");
  await expect(row).toContainText(autoTextBody.slice(0, 30));

  await leadsPage.goto();
  await leadsPage.search.fill(caller.slice(-7));
  await expect(leadsPage.rows).toHaveCount(1);
  await expect(leadsPage.rows.first()).toContainText(displayPhone(caller));
  const lead = await findLeadByPhone(page.request, caller);
  expect(lead).toMatchObject({ phone: caller });
  // The auto-text was accepted, so the lead moved on from "new" by itself.
  await expect.poll(async () => (await findLeadByPhone(page.request, caller))?.status).toBe("contacted");
});

test("the customer's replies get the assistant's questions after the window, and the lead's details fill in", async ({
  simulatorPage,
  threadPage,
  signedInPage: page,
}) => {
  test.slow();
  const caller = uniqueCallerNumber();
  const { threadId } = await placeMissedCall(page.request, caller);
  await simulatorPage.goto();
  await simulatorPage.useCaller(caller);
  await expect(simulatorPage.messages).toHaveCount(1);

  const answers: [string, RegExp][] = [
    ["Hi, my kitchen sink is leaking under the cabinet", /What's the address/],
    ["12 Harbor Street, Springfield", /How urgent is it/],
    ["No rush, it can wait a day or two", /good time for someone to come by/],
    ["Tomorrow morning", /what name should we put this under/],
    ["Jane Doe", /Thanks, Jane Doe!/],
  ];
  const windowStartedAt = Date.now();
  for (const [index, [answer, question]] of answers.entries()) {
    await simulatorPage.reply(answer);
    // Nothing answers inside the human-priority window (2 s in e2e), then exactly one reply per answer.
    if (index === 0) await expect(simulatorPage.messages).toHaveCount(2);
    await expect(simulatorPage.messages.last()).toContainText(question, { timeout: 20_000 });
    if (index === 0) expect(Date.now() - windowStartedAt).toBeGreaterThanOrEqual(2_000);
    await expect(simulatorPage.messages).toHaveCount(3 + index * 2);
  }

  await expect
    .poll(async () => findLeadByPhone(page.request, caller))
    .toMatchObject({
      name: "Jane Doe",
      address: "12 Harbor Street, Springfield",
      service: "Leak repair",
      urgency: "low",
      status: "qualified",
    });
  await threadPage.goto(threadId);
  await expect(threadPage.leadCard).toContainText("Jane Doe");
  await expect(threadPage.leadCard).toContainText("12 Harbor Street, Springfield");
  await expect(threadPage.leadCard).toContainText("Tomorrow morning");
  await expect(threadPage.byAuthor("ai")).toHaveCount(5);
});
