// Issue 12, defect 8: choosing "Calls arrive already missed" shows the carrier codes with the business's Ringback
// number filled in, and how to cancel them (nothing is saved by looking).
import { expect, test } from "../fixtures";

test("the forwarding codes carry the business's number, with the codes that cancel them", async ({
  settingsPage,
  page,
}) => {
  const business = (await (await page.request.get("/api/business")).json()) as {
    routingMode: string;
    phoneNumbers: { e164: string }[];
  };
  const number = business.phoneNumbers[0]!.e164;
  await settingsPage.goto();
  await page.getByRole("radio", { name: /Calls arrive already missed/ }).check();
  const codes = page.getByTestId("forwarding-codes");
  await expect(codes).toBeVisible();
  await expect(codes.getByTestId("forwarding-code")).toContainText([
    `**61*${number}#`,
    `**67*${number}#`,
    `**62*${number}#`,
    `*71${number.slice(2)}`,
  ]);
  await expect(codes.getByTestId("forwarding-cancel-code")).toContainText(["##004#", "*73"]);
  // Only looked at: the saved routing mode is unchanged.
  await page.reload();
  expect(((await (await page.request.get("/api/business")).json()) as { routingMode: string }).routingMode).toBe(
    business.routingMode,
  );
});
