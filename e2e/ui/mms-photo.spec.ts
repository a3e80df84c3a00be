// A customer texts a photo (and a PDF): a production server with Twilio credentials pointing at the local Twilio
// fake (the default e2e server runs in simulator mode, which has no media), the MMS arrives through the signed SMS
// webhook as Twilio posts it, and the owner sees the picture in the thread and on the lead (the <img> really
// loaded, through the app's own route), opens it full size, and gets the PDF as a labelled download. The console
// stays clean: no CSP violation, no hydration error.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { expect, test, type Locator } from "@playwright/test";
import { startAppServer, type AppServer } from "../../bench/lib/app-server";
import { startTwilioFake, type TwilioFake } from "../../test/fakes/twilio-fake";
import { uniqueCallerNumber } from "../support/caller-number";
import { collectConsoleErrors } from "../support/console-errors";

test.describe.configure({ mode: "serial", timeout: 180_000 });

const PORT = Number(process.env.E2E_PORT ?? 3210) + 16;
const baseUrl = `http://127.0.0.1:${PORT}`;
const accountSid = `AC${randomBytes(16).toString("hex")}`;
const authToken = randomBytes(16).toString("hex");
const owner = { email: "photos@example.com", password: "ringback-photos" };
const businessNumber = "+15005550006";
// A real picture: the app's own icon (192×192 PNG).
const photo = fs.readFileSync(path.join(process.cwd(), "public", "icons", "icon-192.png"));
const quote = Buffer.from("%PDF-1.4\n% the customer's old quote\n");

let fake: TwilioFake;
let server: AppServer | undefined;

test.beforeAll(async () => {
  test.setTimeout(150_000); // a production server on a fresh embedded database
  fake = await startTwilioFake({ accountSid, authToken });
  server = await startAppServer({
    port: PORT,
    logFile: path.join(os.tmpdir(), `ringback-e2e-mms-${test.info().project.name}.log`),
    env: {
      ...process.env,
      PORT: String(PORT),
      DATABASE_URL: "",
      DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "ringback-mms-")),
      PUBLIC_BASE_URL: baseUrl,
      AUTH_SECRET: "mms-photo-e2e-secret-0123456789abcdef0123",
      TWILIO_ACCOUNT_SID: accountSid,
      TWILIO_AUTH_TOKEN: authToken,
      TWILIO_API_BASE_URL: fake.url,
      OPENAI_API_KEY: "",
      BOOTSTRAP_TWILIO_NUMBER: businessNumber,
      BOOTSTRAP_OWNER_EMAIL: owner.email,
      BOOTSTRAP_OWNER_PASSWORD: owner.password,
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "warn",
    },
  });
});

test.afterAll(async () => {
  await server?.stop();
  await fake?.close();
});

/** The <img> finished loading and decoded to a real picture. */
async function expectLoaded(image: Locator) {
  await expect(image).toBeVisible();
  await expect
    .poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth))
    .toBeGreaterThan(0);
}

test("a customer's MMS photo shows in the thread and on the lead, opens full size; a PDF is a download", async ({
  page,
}) => {
  const errors = collectConsoleErrors(page);
  await page.goto(`${baseUrl}/login?callbackUrl=%2Finbox`);
  await page.getByLabel("Email").fill(owner.email);
  await page.getByLabel("Password").fill(owner.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/inbox/);

  const customer = uniqueCallerNumber();
  const delivery = await fake.receiveText({
    from: customer,
    to: businessNumber,
    body: "Here's the leak under the sink",
    url: `${baseUrl}/api/twilio/sms`,
    media: [
      { contentType: "image/png", body: photo },
      { contentType: "application/pdf", body: quote },
    ],
  });
  expect(delivery.response?.status).toBe(200);

  const threads = (await (await page.request.get(`${baseUrl}/api/threads`)).json()) as {
    threads: { id: string; customerPhone: string; lead: { id: string } }[];
  };
  const thread = threads.threads.find((row) => row.customerPhone === customer)!;
  expect(thread).toBeTruthy();

  await page.goto(`${baseUrl}/inbox/${thread.id}`);
  const bubble = page.getByTestId("message-bubble").filter({ hasText: "Here's the leak under the sink" });
  const thumbnail = bubble.getByTestId("attachment-thumbnail");
  await expect(thumbnail).toHaveAttribute("src", /^\/api\/messages\/[^/]+\/media\/0$/);
  await expectLoaded(thumbnail);
  await expect(bubble.getByTestId("attachment-download")).toContainText("Download PDF");
  await expect(bubble.getByTestId("attachment-download")).toHaveAttribute("href", /\/media\/1$/);
  await page.screenshot({ path: test.info().outputPath("thread.png") });

  await bubble.getByRole("button", { name: "Open photo 1 full size" }).click();
  const viewer = page.getByRole("dialog", { name: "Photo 1 from the customer" });
  await expectLoaded(viewer.getByRole("img"));
  await page.screenshot({ path: test.info().outputPath("full-size.png") });
  // The original on its own (the route's sandbox CSP and nosniff must not stop the browser drawing it).
  const popup = page.waitForEvent("popup");
  await viewer.getByRole("link", { name: "Open original" }).click();
  const original = await popup;
  await expectLoaded(original.locator("img"));
  await original.close();
  await viewer.getByRole("button", { name: "Close" }).click();
  await expect(viewer).toBeHidden();

  const download = page.waitForEvent("download");
  await bubble.getByTestId("attachment-download").click();
  expect((await download).suggestedFilename()).toBe("attachment-2.pdf");

  await page.goto(`${baseUrl}/leads/${thread.lead.id}`);
  await expectLoaded(page.getByTestId("attachment-thumbnail"));
  await page.screenshot({ path: test.info().outputPath("lead.png"), fullPage: true });

  // Twilio's URLs never reach the page: the browser only ever asked the app.
  expect(await page.content()).not.toContain(fake.url);
  expect(errors, "no CSP violation or other console error").toEqual([]);
});
