// Issue 6: the dashboard draws every chart for the seeded demo data, on a desktop and on a phone, without the page
// scrolling sideways.
import { expect, test } from "../fixtures";
import { chartTestIds } from "../pages/dashboard-page";

test("the dashboard renders the metrics and every chart for the demo data", async ({
  dashboardPage,
  signedInPage: page,
}) => {
  await dashboardPage.goto();
  await dashboardPage.period("30 days").click();
  await expect(dashboardPage.period("30 days")).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("kpi-revenue")).toContainText(/\$[1-9][\d,]*/);
  await expect(page.getByTestId("kpi-capture-rate-value")).toHaveText(/^\d+(\.\d+)?\s?%$/);

  for (const testId of chartTestIds) {
    const chart = dashboardPage.chart(testId);
    await chart.scrollIntoViewIfNeeded();
    const surface = chart.locator(".recharts-wrapper > svg.recharts-surface").first(); // not the legend icons
    await expect(surface, testId).toBeVisible();
    const box = await surface.boundingBox();
    expect(box!.width, testId).toBeGreaterThan(200);
    expect(box!.height, testId).toBeGreaterThan(150);
    // Drawn marks (bars, lines, areas, funnel trapezoids), not just axes.
    await expect(
      chart.locator(".recharts-rectangle, .recharts-curve, .recharts-trapezoid, .recharts-sector").first(),
      testId,
    ).toBeAttached();
  }

  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, "no sideways scrolling").toBeLessThanOrEqual(0);
});

// Issue 12, defect 9: a reversed custom range says so in words and shows no figures of another range.
test("a custom range that ends before it starts shows a clear message and no stale figures", async ({
  dashboardPage,
  signedInPage: page,
}) => {
  await dashboardPage.goto();
  await expect(page.getByTestId("kpi-revenue")).toBeVisible();
  await dashboardPage.period("Custom").click();
  await page.locator("#period-from").fill("2026-03-10");
  await page.locator("#period-to").fill("2026-03-01");
  await expect(page.getByTestId("period-problem")).toHaveText(/start date is after the end date/);
  await expect(page.getByTestId("period-problem")).not.toContainText("`");
  await expect(page.getByTestId("kpi-revenue")).toHaveCount(0);
  await expect(page.getByTestId("chart-daily")).toHaveCount(0);

  await page.locator("#period-to").fill("2026-03-20");
  await expect(page.getByTestId("period-problem")).toHaveCount(0);
  await expect(page.getByTestId("period-label")).toHaveText(/^Mar 10, 2026 – Mar 20, 2026 · /);
  await expect(page.getByTestId("kpi-revenue")).toBeVisible();
});

test("the API's own message for a reversed range is plain words", async ({ signedInPage: page }) => {
  const response = await page.request.get("/api/metrics?from=2026-03-10&to=2026-03-01");
  expect(response.status()).toBe(422);
  const { error } = (await response.json()) as { error: { message: string } };
  expect(error.message).toBe("The start of the period must be before its end.");
});

// Issue 12, defect 9: on a phone the histograms dropped every other axis label.
test("every bucket of the time histograms keeps its label", async ({ dashboardPage }) => {
  await dashboardPage.goto();
  for (const [testId, labels] of [
    ["chart-response", ["< 1 s", "1–2 s", "2–5 s", "5–10 s", "10–30 s", "30–60 s", "> 60 s"]],
    ["chart-takeover", ["< 15 s", "15–30 s", "30–60 s", "1–2 min", "2–5 min", "> 5 min"]],
  ] as const) {
    const chart = dashboardPage.chart(testId);
    await chart.scrollIntoViewIfNeeded();
    await expect(chart.locator(".recharts-surface").first()).toBeVisible();
    await expect
      .poll(() => chart.locator(".recharts-cartesian-axis-tick-value").allTextContents(), { message: testId })
      .toEqual(expect.arrayContaining([...labels]));
  }
});
