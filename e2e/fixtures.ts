// Shared fixtures. The demo owner signs in once per worker through the API (sign-in is rate-limited per IP, and
// the browser form has its own spec); each test gets a fresh browser context carrying that session cookie.
import { test as base, type Cookie, type Page } from "@playwright/test";
import { signInThroughApi } from "./sign-in-through-api";
import { AppShell } from "./pages/app-shell";
import { LoginPage } from "./pages/login-page";
import { DashboardPage } from "./pages/dashboard-page";
import { InboxPage } from "./pages/inbox-page";
import { LeadDetailPage, LeadsPage } from "./pages/leads-page";
import { SettingsPage } from "./pages/settings-page";
import { SimulatorPage } from "./pages/simulator-page";
import { ThreadPage } from "./pages/thread-page";

type TestFixtures = {
  signedInPage: Page;
  loginPage: LoginPage;
  settingsPage: SettingsPage;
  appShell: AppShell;
  simulatorPage: SimulatorPage;
  inboxPage: InboxPage;
  threadPage: ThreadPage;
  leadsPage: LeadsPage;
  leadDetailPage: LeadDetailPage;
  dashboardPage: DashboardPage;
};
type WorkerFixtures = { ownerCookies: Cookie[] };

export const test = base.extend<TestFixtures, WorkerFixtures>({
  ownerCookies: [
    async ({ playwright }, use, workerInfo) => {
      const request = await playwright.request.newContext({ baseURL: workerInfo.project.use.baseURL });
      const cookies = await signInThroughApi(request);
      await request.dispose();
      await use(cookies);
    },
    { scope: "worker" },
  ],
  signedInPage: async ({ context, page, ownerCookies }, use) => {
    await context.addCookies(ownerCookies);
    await use(page);
  },
  loginPage: async ({ page }, use) => use(new LoginPage(page)),
  settingsPage: async ({ signedInPage }, use) => use(new SettingsPage(signedInPage)),
  appShell: async ({ signedInPage }, use) => use(new AppShell(signedInPage)),
  simulatorPage: async ({ signedInPage }, use) => use(new SimulatorPage(signedInPage)),
  inboxPage: async ({ signedInPage }, use) => use(new InboxPage(signedInPage)),
  threadPage: async ({ signedInPage }, use) => use(new ThreadPage(signedInPage)),
  leadsPage: async ({ signedInPage }, use) => use(new LeadsPage(signedInPage)),
  leadDetailPage: async ({ signedInPage }, use) => use(new LeadDetailPage(signedInPage)),
  dashboardPage: async ({ signedInPage }, use) => use(new DashboardPage(signedInPage)),
});

export { expect } from "@playwright/test";
