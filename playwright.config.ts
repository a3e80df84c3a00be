// Playwright: against the production build (`npm run build` first), system Chromium, one fresh data dir per run
// (removed by the webServer command itself: Playwright starts web servers BEFORE globalSetup runs).
// Projects: `api` (no browser UI), `desktop` and `phone` (the PWA at a phone viewport with touch).
import { defineConfig, devices } from "@playwright/test";

// E2E_PORT lets several checkouts on one machine run their suites side by side.
const PORT = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://localhost:${PORT}`;
// Relative to the repository root, where Playwright runs the web server (its cwd defaults to this file's folder).
const e2eDataDir = ".data-e2e";

const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-gpu",
    "--disable-component-update",
    "--no-first-run",
  ],
};

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  workers: 1,
  // No retries, in CI too: a retry that passes hides exactly the intermittent races (a doubled SMS, a lost AI turn)
  // these specs exist to catch. A flaky spec is fixed, not retried.
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  // Generous, because a timeout is a failure, never a pass: on a shared machine under load (2 cores, load 30+) specs
  // that take 10 s alone ran past 30 s. With no retries, a slow machine must not read as a broken product.
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  use: {
    baseURL,
    trace: "retain-on-failure", // there is no retry to trace: keep the trace of the failed run itself
    screenshot: "only-on-failure",
    launchOptions: chromium,
  },
  projects: [
    { name: "api", testMatch: "api/**/*.spec.ts" },
    { name: "desktop", testMatch: "ui/**/*.spec.ts", use: { ...devices["Desktop Chrome"], launchOptions: chromium } },
    {
      name: "phone",
      testMatch: "ui/**/*.spec.ts",
      use: {
        ...devices["Desktop Chrome"],
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 3,
        isMobile: true,
        hasTouch: true,
        launchOptions: chromium,
      },
    },
    // The README's screenshots: only with E2E_SCREENSHOTS=1 (see e2e/screenshots/readme-screenshots.spec.ts).
    ...(process.env.E2E_SCREENSHOTS
      ? [{ name: "screenshots", testMatch: "screenshots/**/*.spec.ts", use: { launchOptions: chromium } }]
      : []),
  ],
  webServer: {
    // A fresh data dir, the demo data (the dashboard and leads specs need it; every other spec makes its own
    // callers), then the server on that data. The seed boots the embedded database itself and exits.
    command: `rm -rf "${e2eDataDir}" && npm run db:seed -- --demo && npm start`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    // Seeding a fresh embedded database and starting the production server: well under a minute alone, several
    // minutes on a shared machine under load (it ran past 120 s there, failing the run before any spec).
    timeout: 300_000,
    stdout: "pipe",
    stderr: "pipe",
    // Explicit values win over a developer's .env (`tsx --env-file-if-exists` never overrides the environment), and
    // the app treats empty as unset: simulator mode, scripted assistant, embedded database, the default demo owner.
    // Nothing in an e2e run may reach Twilio, a model provider or a real database.
    env: {
      TWILIO_ACCOUNT_SID: "",
      TWILIO_AUTH_TOKEN: "",
      OPENAI_API_KEY: "",
      DATABASE_URL: "",
      BOOTSTRAP_OWNER_EMAIL: "owner@example.com",
      // npm start is production: it needs AUTH_SECRET and refuses the demo password.
      AUTH_SECRET: "e2e-session-secret-e2e-session-secret-0123",
      BOOTSTRAP_OWNER_PASSWORD: "e2e-owner-password",
      RUN_WORKER: "true",
      TRUST_PROXY_HOPS: "0",
      PORT: String(PORT),
      DATA_DIR: e2eDataDir,
      AI_ENGAGE_DELAY_SECONDS: "2",
      PUBLIC_BASE_URL: baseURL,
      LOG_LEVEL: "warn",
    },
  },
});
