// Every page of the app, in both the desktop and the phone project, with the demo data: no serious or critical
// accessibility violation (axe-core), no hydration error, no CSP violation, no other console error or uncaught
// exception. A page someone adds belongs in this list.
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "../fixtures";
import { findSeriousAxeViolations, recordConsoleProblems, waitForIdle } from "../support/page-health";

type PageCase = {
  name: string;
  signedIn: boolean;
  path: (request: APIRequestContext) => Promise<string> | string;
  /** A visible sign that the page has its content (not a loading state). */
  ready: (page: Page) => Promise<void>;
  isNotFound?: boolean;
};

type ThreadRow = { id: string; lead: { id: string }; lastMessage: { direction: string | null } | null };

/** A demo conversation with messages (so that bubbles, timestamps and the call history are checked too). */
async function conversationWithMessages(request: APIRequestContext): Promise<ThreadRow> {
  const response = await request.get("/api/threads");
  expect(response.status()).toBe(200);
  const { threads } = (await response.json()) as { threads: ThreadRow[] };
  const thread = threads.find((row) => row.lastMessage?.direction);
  expect(thread, "the demo data has conversations with messages").toBeTruthy();
  return thread!;
}

const heading = (name: string | RegExp) => async (page: Page) => {
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
};

const pages: PageCase[] = [
  { name: "login", signedIn: false, path: () => "/login", ready: heading(/sign in/i) },
  {
    name: "inbox",
    signedIn: true,
    path: () => "/inbox",
    ready: async (page) => {
      await heading("Inbox")(page);
      await expect(page.getByTestId("thread-item").first()).toBeVisible();
    },
  },
  {
    name: "thread",
    signedIn: true,
    path: async (request) => `/inbox/${(await conversationWithMessages(request)).id}`,
    ready: async (page) => {
      await expect(page.getByTestId("message-bubble").first()).toBeVisible();
    },
  },
  {
    name: "leads",
    signedIn: true,
    path: () => "/leads",
    ready: async (page) => {
      await heading("Leads")(page);
      await expect(page.getByTestId("lead-row").filter({ visible: true }).first()).toBeVisible();
    },
  },
  {
    name: "lead detail",
    signedIn: true,
    path: async (request) => `/leads/${(await conversationWithMessages(request)).lead.id}`,
    ready: async (page) => {
      await expect(page.getByTestId("lead-title")).toBeVisible();
    },
  },
  {
    name: "dashboard",
    signedIn: true,
    path: () => "/dashboard",
    ready: async (page) => {
      await heading("Dashboard")(page);
      await expect(page.getByTestId("chart-daily").locator("svg.recharts-surface").first()).toBeVisible();
    },
  },
  {
    name: "settings",
    signedIn: true,
    path: () => "/settings",
    ready: async (page) => {
      await heading("Settings")(page);
      await expect(page.getByRole("form", { name: "Business settings" })).toHaveAttribute("data-hydrated", "true");
    },
  },
  { name: "simulator", signedIn: true, path: () => "/simulator", ready: heading(/Simulator|Try it without a phone/) },
  { name: "CRM webhook guide", signedIn: false, path: () => "/docs/webhooks", ready: heading("CRM webhooks") },
  { name: "offline", signedIn: false, path: () => "/offline", ready: heading("You are offline") },
  {
    name: "not found",
    signedIn: true,
    path: () => "/no-such-page",
    ready: async (page) => {
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    },
    isNotFound: true,
  },
];

for (const pageCase of pages) {
  test(`${pageCase.name}: no serious accessibility violation and a clean console`, async ({
    page,
    context,
    ownerCookies,
  }) => {
    if (pageCase.signedIn) await context.addCookies(ownerCookies);
    const problems = recordConsoleProblems(page, { allowStatus404: pageCase.isNotFound });
    const path = await pageCase.path(page.request);
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(pageCase.isNotFound ? 404 : 200);
    await pageCase.ready(page);
    await waitForIdle(page);

    const violations = await findSeriousAxeViolations(page);
    expect(violations, `axe on ${path}`).toEqual([]);
    expect(problems, `console on ${path}`).toEqual([]);
  });
}
