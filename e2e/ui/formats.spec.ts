// Issue 12, defect 11: one phone format and one time rule on every page. Numbers in the national format of the
// business's country; times in the business's time zone, with the zone named when the device is elsewhere. One
// call read 3:13 AM in the inbox (device zone) and 10:13 PM on the leads page (business zone) before.
import type { Browser, Cookie } from "@playwright/test";
import { expect, test } from "../fixtures";
import { LeadDetailPage, LeadsPage } from "../pages/leads-page";
import { ThreadPage } from "../pages/thread-page";
import { InboxPage } from "../pages/inbox-page";
import { displayPhone, uniqueCallerNumber } from "../support/caller-number";
import { findLeadByPhone, placeMissedCall } from "../support/simulator-api";

const format = (iso: string, timeZone: string, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat("en-US", { ...options, timeZone }).format(new Date(iso)).replace(/[\u202f\u00a0]/g, " ");
const zoneOf = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "short" })
    .formatToParts(new Date(iso))
    .find((part) => part.type === "timeZoneName")!.value;

async function openAs(browser: Browser, cookies: Cookie[], baseURL: string, timezoneId: string, isMobile: boolean) {
  const context = await browser.newContext({
    baseURL,
    timezoneId,
    ...(isMobile ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : {}),
  });
  await context.addCookies(cookies);
  return context.newPage();
}

test("a call shows the same number and the same time, with its zone, on every page", async ({
  browser,
  ownerCookies,
  baseURL,
  isMobile,
  signedInPage,
}) => {
  const business = (await (await signedInPage.request.get("/api/business")).json()) as { timezone: string };
  const zone = business.timezone;
  const elsewhere = zone === "America/Los_Angeles" ? "Asia/Tokyo" : "America/Los_Angeles";
  const caller = uniqueCallerNumber();
  const { threadId } = await placeMissedCall(signedInPage.request, caller);
  const thread = (await (await signedInPage.request.get(`/api/threads/${threadId}`)).json()) as {
    thread: { calls: { createdAt: string }[] };
  };
  const at = thread.thread.calls[0]!.createdAt;
  const time = format(at, zone, { hour: "numeric", minute: "2-digit" });
  const dateTime = format(at, zone, {
    month: "short",
    day: "numeric",
    year: "numeric",
    hour: "numeric",
    minute: "2-digit",
  });
  const suffix = ` ${zoneOf(at, zone)}`;
  const phone = displayPhone(caller);

  const page = await openAs(browser, ownerCookies, baseURL!, elsewhere, isMobile);
  const inbox = new InboxPage(page);
  await inbox.goto();
  await expect(inbox.thread(threadId)).toContainText(phone);

  const threadPage = new ThreadPage(page);
  await threadPage.goto(threadId);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(phone);
  await expect(threadPage.leadCard).toContainText(phone);
  await expect(page.getByTestId("call-entry").first()).toContainText(`${time}${suffix}`);

  const lead = (await findLeadByPhone(page.request, caller))!;
  const leads = new LeadsPage(page);
  await leads.goto();
  await leads.search.fill(caller.slice(2)); // the ten digits, as a person would type them
  await expect(leads.row(lead.id)).toContainText(phone);
  await expect(leads.row(lead.id)).toContainText(`${dateTime}${suffix}`);

  await new LeadDetailPage(page).goto(lead.id);
  await expect(page.getByTestId("lead-title")).toHaveText(phone);
  await expect(page.getByTestId("lead-calls")).toContainText(`${dateTime}${suffix}`);
  // Nowhere the raw stored form.
  await expect(page.locator("#main")).not.toContainText(caller);
  await page.context().close();

  // On a device in the business's own zone the times carry no zone name.
  const local = await openAs(browser, ownerCookies, baseURL!, zone, isMobile);
  await new ThreadPage(local).goto(threadId);
  await expect(local.getByTestId("call-entry").first()).toContainText(time);
  await expect(local.getByTestId("call-entry").first()).not.toContainText(suffix.trim());
  await local.context().close();
});
