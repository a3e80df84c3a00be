// The README's screenshots (docs/screenshots/*.png), taken from a fresh e2e server with the demo data:
//   E2E_SCREENSHOTS=1 npx playwright test --project screenshots
// Not part of the normal run. Device scale 2 for the phone shots keeps them sharp and under ~300 KB each.
import fs from "node:fs";
import path from "node:path";
import type { Browser, Cookie } from "@playwright/test";
import { expect, test } from "../fixtures";
import { InboxPage } from "../pages/inbox-page";
import { SimulatorPage } from "../pages/simulator-page";
import { ThreadPage } from "../pages/thread-page";
import { uniqueCallerNumber } from "../support/caller-number";
import { placeMissedCall, sendCustomerText } from "../support/simulator-api";

const outDir = path.resolve("docs/screenshots");
const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const desktop = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 };

async function openPage(browser: Browser, cookies: Cookie[], options: typeof phone | typeof desktop, baseURL?: string) {
  const context = await browser.newContext({ ...options, baseURL, colorScheme: "light", reducedMotion: "reduce" });
  await context.addCookies(cookies);
  return context.newPage();
}

test.describe.configure({ mode: "serial" });
test.beforeAll(() => fs.mkdirSync(outDir, { recursive: true }));

test("inbox and a conversation with the AI's reply, on a phone", async ({ browser, ownerCookies, baseURL }) => {
  test.setTimeout(90_000);
  const page = await openPage(browser, ownerCookies, phone, baseURL);
  // A few live conversations on top of the demo data: one the AI is handling, one that just came in.
  const aiCaller = uniqueCallerNumber();
  const { threadId } = await placeMissedCall(page.request, aiCaller);
  await sendCustomerText(
    page.request,
    aiCaller,
    "Hi! Our water heater is making a loud banging noise and there's no hot water",
  );
  await placeMissedCall(page.request, uniqueCallerNumber());

  const thread = new ThreadPage(page);
  await thread.goto(threadId);
  await expect(thread.byAuthor("ai")).toHaveCount(1, { timeout: 20_000 });
  await expect(thread.aiStream).toHaveCount(0);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight)); // the latest reply in view
  await page.screenshot({ path: path.join(outDir, "thread-phone.png") });

  await new InboxPage(page).goto();
  await expect(page.getByTestId("thread-item").nth(5)).toBeVisible();
  await page.screenshot({ path: path.join(outDir, "inbox-phone.png") });
  await page.context().close();
});

test("leads on a phone", async ({ browser, ownerCookies, baseURL }) => {
  const page = await openPage(browser, ownerCookies, phone, baseURL);
  await page.goto("/leads");
  await expect(page.getByTestId("lead-row").filter({ visible: true }).nth(3)).toBeVisible();
  await expect(page.getByTestId("pipeline-won")).toHaveText(/\d/);
  await page.screenshot({ path: path.join(outDir, "leads-phone.png") });
  await page.context().close();
});

test("dashboard on a desktop", async ({ browser, ownerCookies, baseURL }) => {
  const page = await openPage(browser, ownerCookies, desktop, baseURL);
  await page.goto("/dashboard");
  await page.getByTestId("period-picker").getByRole("button", { name: "30 days" }).click();
  for (const testId of ["chart-revenue", "chart-daily"]) {
    await expect(page.getByTestId(testId).locator("svg.recharts-surface").first()).toBeVisible();
  }
  await page.screenshot({ path: path.join(outDir, "dashboard-desktop.png") });
  await page.context().close();
});

test("settings on a desktop", async ({ browser, ownerCookies, baseURL }) => {
  const page = await openPage(browser, ownerCookies, desktop, baseURL);
  await page.goto("/settings");
  await expect(page.getByRole("form", { name: "Business settings" })).toHaveAttribute("data-hydrated", "true");
  await page.screenshot({ path: path.join(outDir, "settings-desktop.png") });
  await page.context().close();
});

test("the simulator after a missed call", async ({ browser, ownerCookies, baseURL }) => {
  const page = await openPage(browser, ownerCookies, desktop, baseURL);
  const simulator = new SimulatorPage(page);
  await simulator.goto();
  await simulator.callFrom(uniqueCallerNumber());
  await expect(simulator.messages).toHaveCount(1);
  await simulator.reply("Hi, the kitchen sink is leaking under the cabinet");
  await expect(simulator.messages).toHaveCount(3, { timeout: 20_000 });
  await page.screenshot({ path: path.join(outDir, "simulator-desktop.png") });
  await page.context().close();
});

test("the countdown to the AI's answer, on a phone", async ({ browser, ownerCookies, baseURL }) => {
  const page = await openPage(browser, ownerCookies, phone, baseURL);
  // A two-minute window and the professional on a job, so the AI will answer when it ends; then back as it was.
  const before = (await (await page.request.get("/api/business")).json()) as {
    available: boolean;
    aiEngageDelaySeconds: number | null;
  };
  await page.request.patch("/api/business", { data: { available: false, aiEngageDelaySeconds: 120 } });
  try {
    const caller = uniqueCallerNumber();
    const { threadId } = await placeMissedCall(page.request, caller);
    await sendCustomerText(page.request, caller, "Hi, the kitchen tap won't stop dripping. Can someone come today?");
    const thread = new ThreadPage(page);
    await thread.goto(threadId);
    await expect(page.getByTestId("ai-countdown")).toHaveAttribute("data-state", "counting");
    await page.screenshot({ path: path.join(outDir, "countdown-phone.png") });
    await page.request.post(`/api/threads/${threadId}/takeover`);
  } finally {
    await page.request.patch("/api/business", {
      data: { available: before.available, aiEngageDelaySeconds: before.aiEngageDelaySeconds },
    });
    await page.context().close();
  }
});

test("an AI draft waiting for approval, on a phone", async ({ browser, ownerCookies, baseURL }) => {
  test.setTimeout(90_000);
  const page = await openPage(browser, ownerCookies, phone, baseURL);
  // "AI suggests, I approve", the professional on a job so the AI drafts; then back as it was.
  const before = (await (await page.request.get("/api/business")).json()) as {
    available: boolean;
    aiReplyMode: string;
    aiDraftAutoSendMinutes: number | null;
  };
  await page.request.patch("/api/business", {
    data: { available: false, aiReplyMode: "approve", aiDraftAutoSendMinutes: null },
  });
  try {
    const caller = uniqueCallerNumber();
    const { threadId } = await placeMissedCall(page.request, caller);
    await sendCustomerText(
      page.request,
      caller,
      "Hi, the shower drain is blocked and water is backing up. Can you help?",
    );
    const thread = new ThreadPage(page);
    await thread.goto(threadId);
    await expect(page.getByTestId("ai-draft")).toBeVisible({ timeout: 40_000 });
    await expect(thread.aiStream).toHaveCount(0);
    // The customer's text and the draft in the middle, above the reply box.
    await page.getByTestId("ai-draft").evaluate((card) => card.scrollIntoView({ block: "center" }));
    await page.screenshot({ path: path.join(outDir, "draft-phone.png") });
    await page.request.post(`/api/threads/${threadId}/takeover`);
  } finally {
    await page.request.patch("/api/business", {
      data: {
        available: before.available,
        aiReplyMode: before.aiReplyMode,
        aiDraftAutoSendMinutes: before.aiDraftAutoSendMinutes,
      },
    });
    await page.context().close();
  }
});
