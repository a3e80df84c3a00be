// Issue 12, defect 10: the words a plumber reads. No percentile shorthand, Twilio or queue internals, raw states,
// zone ids or ISO dates on the pages people use; the technical guide an integrator needs is a real page, linked.
import { expect, test } from "../fixtures";

const jargon: [RegExp, string][] = [
  [/\bp(50|90|95)\b/i, "percentile shorthand"],
  [/TwiML|<Dial>|<Record>/, "Twilio markup"],
  [/send job|fallback hits/i, "internals"],
  [/\b\d{5} × \d+/, "bare error codes"],
  [/Mode: (auto|ai|human|closed)/, "raw thread mode"],
  [/\b(new|contacted|qualified|won|lost) → (new|contacted|qualified|won|lost)\b/, "raw status change"],
  [/\((user|system|ai|twilio)\)/, "raw actor"],
  [/\b[A-Z][a-z]+\/[A-Z][A-Za-z_]+\b/, "a time zone id"],
  [/\b\d{4}-\d{2}-\d{2}\b/, "an ISO date"],
  [/docs\/webhooks\.md/, "a file path instead of a link"],
];

async function expectPlainWords(page: import("@playwright/test").Page, where: string) {
  const text = await page.locator("#main").innerText();
  for (const [pattern, what] of jargon) expect(text, `${what} on ${where}`).not.toMatch(pattern);
}

test("the dashboard, a lead, a conversation and settings speak plainly", async ({ signedInPage: page }) => {
  await page.goto("/dashboard");
  await page.getByTestId("period-picker").getByRole("button", { name: "30 days" }).click();
  await expect(page.getByTestId("kpi-response-time")).toContainText(/95 % of texts within/);
  await expect(page.getByTestId("health-panel").locator("dl")).toBeVisible();
  await expect(page.getByTestId("period-label")).toContainText(/Time \(/); // "Eastern Time (New York)"
  await expectPlainWords(page, "/dashboard");

  // A demo lead a person moved through the pipeline (it has a status history).
  const leads = (await (await page.request.get("/api/leads?status=won&limit=20")).json()) as {
    leads: { id: string }[];
  };
  let checkedHistory = false;
  for (const { id } of leads.leads) {
    await page.goto(`/leads/${id}`);
    await expect(page.getByTestId("lead-title")).toBeVisible();
    await expectPlainWords(page, `/leads/${id}`);
    if ((await page.getByTestId("lead-status-history").count()) > 0) {
      await expect(page.getByTestId("lead-status-history")).toContainText(/moved from \w+ to \w+/);
      checkedHistory = true;
      break;
    }
  }
  expect(checkedHistory, "a demo lead with a status history").toBe(true);
  await page.getByRole("link", { name: "Open in inbox" }).first().click();
  await expect(page.getByTestId("lead-card")).toBeVisible();
  await expectPlainWords(page, "a conversation");

  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
  await expect(page.locator('select[name="timezone"] option:checked')).toHaveText(/^[A-Z][\w ]+ Time \([\w ]+\)$/);
  await expectPlainWords(page, "/settings");

  // The integrator's guide is one tap away and is a real page.
  await page.getByRole("link", { name: "webhook guide" }).click();
  await expect(page).toHaveURL(/\/docs\/webhooks$/);
  await expect(page.getByRole("heading", { level: 1, name: "CRM webhooks" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Ringback-Signature", exact: true })).toBeVisible();
});
