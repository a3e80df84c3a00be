// Issue 12, defect 1: a voicemail plays. The simulator leaves one; its conversation jumps to the top of the inbox,
// unread; in the thread and on the lead the player loads the recording (its duration is known, so it can seek),
// with no CSP violation in the console.
import type { Locator } from "@playwright/test";
import { expect, test } from "../fixtures";
import { uniqueCallerNumber } from "../support/caller-number";
import { collectConsoleErrors } from "../support/console-errors";

/** Waits until the <audio> has loaded the recording's metadata and returns its duration in seconds. */
async function loadedDuration(audio: Locator): Promise<number> {
  return audio.evaluate(
    (element: HTMLAudioElement) =>
      new Promise<number>((resolve, reject) => {
        if (element.readyState >= HTMLMediaElement.HAVE_METADATA) return resolve(element.duration);
        element.addEventListener("loadedmetadata", () => resolve(element.duration), { once: true });
        element.addEventListener("error", () => reject(new Error(`media error ${element.error?.code}`)), {
          once: true,
        });
        element.load();
      }),
  );
}

test("a voicemail left in the simulator tops the inbox, unread, and plays in the thread and on the lead", async ({
  inboxPage,
  threadPage,
  signedInPage: page,
}) => {
  const errors = collectConsoleErrors(page);
  const caller = uniqueCallerNumber();
  await inboxPage.goto();

  const response = await page.request.post("/api/simulator/call", { data: { from: caller, voicemail: {} } });
  expect(response.status(), await response.text()).toBe(200);
  const call = (await response.json()) as { id: string; threadId: string; hasVoicemail: boolean };
  expect(call.hasVoicemail).toBe(true);

  await expect(inboxPage.items.first()).toHaveAttribute("data-thread-id", call.threadId);
  const row = inboxPage.thread(call.threadId);
  await expect(row.getByTestId("unread-dot")).toBeVisible();
  await expect(row).toContainText("Voicemail");

  await threadPage.goto(call.threadId);
  const voicemail = page.getByTestId("voicemail");
  await expect(voicemail).toContainText("Voicemail (12 s)");
  const audio = voicemail.getByLabel("Play the voicemail");
  await expect(audio).toHaveAttribute("src", `/api/calls/${call.id}/voicemail`);
  expect(await loadedDuration(audio)).toBeGreaterThan(10);

  const thread = (await (await page.request.get(`/api/threads/${call.threadId}`)).json()) as {
    thread: { lead: { id: string } };
  };
  await page.goto(`/leads/${thread.thread.lead.id}`);
  const leadAudio = page.getByTestId("voicemail").getByLabel("Play the voicemail");
  expect(await loadedDuration(leadAudio)).toBeGreaterThan(10);

  expect(errors, "no CSP violation or other console error").toEqual([]);
});
