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
