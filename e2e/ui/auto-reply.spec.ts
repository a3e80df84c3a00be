// The auto-reply in settings: both languages in one text, previewed exactly as sent; a placeholder Ringback cannot
// fill is named next to the field and the save is refused.
import { expect, test } from "../fixtures";

test("the auto-reply can go out in English and Spanish, and an unknown placeholder is refused", async ({
  settingsPage,
  signedInPage: page,
}) => {
  await settingsPage.goto();
  const section = page.locator("#auto-reply");
  await section.getByLabel("Both, in one text").check();
  await settingsPage.template.fill("Sorry we missed you! Book: {booking_link}. You called from {caller_number}.");
  const [english, spanish] = (await settingsPage.preview.innerText()).split("\n");
  // No booking link in the demo profile: that sentence is left out; the sample caller shows as a phone shows it.
  expect(english).toMatch(/: Sorry we missed you! You called from \(415\) 555-0142\. Reply STOP to opt out\.$/);
  expect(spanish).toMatch(/^Hola, le escribe .+ Responda PARAR para no recibir más mensajes\.$/);

  await settingsPage.template.fill("Hi {first_name}, this is {business}.");
  const field = section.getByTestId("auto-reply-template");
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(section).toContainText("Unknown placeholder {first_name}.");
  const refused = page.waitForResponse(
    (response) => response.url().endsWith("/api/business") && response.request().method() === "PATCH",
  );
  await settingsPage.save.click();
  expect((await refused).status()).toBe(422);
  await expect(section).toContainText(
    "Unknown placeholder {first_name}. Use {business}, {booking_link}, {caller_number}.",
  );
});
