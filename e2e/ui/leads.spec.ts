// Issue 6: the leads table (seeded demo data plus the test's own caller): search, filter by status, change a
// status, export the current filter as CSV.
import fs from "node:fs/promises";
import { expect, test } from "../fixtures";
import { displayPhone, uniqueCallerNumber } from "../support/caller-number";
import { findLeadByPhone, placeMissedCall } from "../support/simulator-api";

test("search finds a lead by number or name, and the status filter keeps only that status", async ({
  leadsPage,
  signedInPage: page,
}) => {
  const caller = uniqueCallerNumber();
  await placeMissedCall(page.request, caller);
  await leadsPage.goto();

  await leadsPage.search.fill(caller.slice(2)); // typed without the +1
  await expect(leadsPage.rows).toHaveCount(1);
  await expect(leadsPage.rows.first()).toContainText(displayPhone(caller));

  await leadsPage.search.fill("Maria Lopez"); // a demo customer
  await expect.poll(() => leadsPage.fieldValues("name")).toEqual(["Maria Lopez"]);

  await leadsPage.search.fill("");
  await leadsPage.statusFilter.selectOption("won");
  await expect.poll(() => leadsPage.fieldValues("status")).toEqual(["Won"]);
  await expect(leadsPage.rows).not.toHaveCount(0);
});

test("a person changes a lead's status, and won asks for the job's value", async ({
  leadDetailPage,
  signedInPage: page,
}) => {
  const caller = uniqueCallerNumber();
  await placeMissedCall(page.request, caller);
  const lead = (await findLeadByPhone(page.request, caller))!;
  await leadDetailPage.goto(lead.id);

  await leadDetailPage.setStatus("lost");
  await expect.poll(async () => (await findLeadByPhone(page.request, caller))?.status).toBe("lost");
  await leadDetailPage.markWon("1,250");
  await expect(page.getByText("$1,250")).toBeVisible();
  await expect
    .poll(async () => findLeadByPhone(page.request, caller))
    .toMatchObject({ status: "won", valueCents: 125_000 });
});

test("Export CSV downloads the filtered leads with a header row", async ({ leadsPage }) => {
  await leadsPage.goto();
  await leadsPage.search.fill("Maria Lopez");
  await expect(leadsPage.rows.first()).toContainText("Maria Lopez");
  await expect(leadsPage.exportCsv).toHaveAttribute("href", /q=Maria\+Lopez/);

  const downloading = leadsPage.page.waitForEvent("download");
  await leadsPage.exportCsv.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const bytes = await fs.readFile((await download.path())!);
  // The UTF-8 byte-order mark first, so Excel reads accented names right.
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString("utf8").trim().split(/\r?\n/);
  expect(lines[0]).toBe(
    "id,created,status,name,phone,address,service,problem,urgency,preferred_time,source,value,opted_out,notes,closed",
  );
  expect(lines.length).toBeGreaterThan(1);
  for (const line of lines.slice(1)) expect(line).toContain("Maria Lopez");
  // The phone as a text formula, so a spreadsheet keeps +1… instead of 1.31E+10.
  expect(lines[1]).toMatch(/^[^,]+,\d{4}-\d{2}-\d{2}[^,]*,\w+,Maria Lopez,"=""\+1\d{10}""",/);
});
