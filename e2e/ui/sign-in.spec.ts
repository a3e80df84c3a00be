import { demoOwner } from "../sign-in-through-api";
import { expect, test } from "../fixtures";

test.describe("sign-in", () => {
  test("a wrong password shows an error and stays on /login", async ({ loginPage, page }) => {
    await loginPage.goto();
    await loginPage.signIn(demoOwner.email, "not-the-password");
    await expect(loginPage.error).toHaveText(/email and password don't match/);
    await expect(page).toHaveURL(/\/login/);
  });

  test("the right password lands on the inbox", async ({ loginPage, page }) => {
    await loginPage.goto();
    await loginPage.signIn(demoOwner.email, demoOwner.password);
    await expect(page).toHaveURL(/\/inbox$/);
  });

  test("a page needs a session and comes back after signing in", async ({ loginPage, page }) => {
    await page.goto("/settings");
    await expect(page).toHaveURL(/\/login/);
    await loginPage.goto("/settings");
    await loginPage.signIn(demoOwner.email, demoOwner.password);
    await expect(page).toHaveURL(/\/settings$/);
    await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
  });
});
