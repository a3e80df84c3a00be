// A customer who writes in Spanish: the assistant answers in Spanish, the inbox marks the conversation "ES" and the
// lead card shows the language, which a person can change.
import { expect, test } from "../fixtures";
import { displayPhone, uniqueCallerNumber } from "../support/caller-number";
import { findLeadByPhone, placeMissedCall } from "../support/simulator-api";

test("a Spanish-speaking customer gets Spanish answers, and the inbox shows the language", async ({
  simulatorPage,
  inboxPage,
  threadPage,
  signedInPage: page,
}) => {
  test.slow();
  const caller = uniqueCallerNumber();
  const { threadId } = await placeMissedCall(page.request, caller);
  await simulatorPage.goto();
  await simulatorPage.useCaller(caller);
  await expect(simulatorPage.messages).toHaveCount(1);

  await simulatorPage.reply("Hola, mi calentador de agua está goteando");
  await expect(simulatorPage.messages.last()).toContainText("¿Cuál es la dirección donde necesita el trabajo?", {
    timeout: 20_000,
  });
  await simulatorPage.reply("Calle Olmo 12, Austin");
  await expect(simulatorPage.messages.last()).toContainText("¿Qué tan urgente es", { timeout: 20_000 });
  await expect
    .poll(async () => findLeadByPhone(page.request, caller))
    .toMatchObject({ service: "Water heater", address: "Calle Olmo 12, Austin" });

  await inboxPage.goto();
  const row = inboxPage.items.filter({ hasText: displayPhone(caller) });
  await expect(row.getByTestId("language-badge")).toHaveText(/ES/);

  await threadPage.goto(threadId);
  await expect(threadPage.leadCard).toContainText("Spanish");
  await threadPage.leadCard.getByRole("button", { name: "Edit" }).click();
  await threadPage.leadCard.getByTestId("lead-language").selectOption("en");
  await threadPage.leadCard.getByRole("button", { name: "Save" }).click();
  await expect(threadPage.leadCard).toContainText("English");
  await inboxPage.goto();
  await expect(row.getByTestId("language-badge")).toHaveCount(0);
});
