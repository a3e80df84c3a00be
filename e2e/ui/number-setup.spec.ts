// One-click number setup, end to end: a production server with Twilio credentials pointing at the local Twilio fake
// (the default e2e server runs in simulator mode), the owner signs in, picks a number in Settings, and sees what
// Twilio now says; the fake holds exactly the URLs Ringback built from PUBLIC_BASE_URL.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { startAppServer, type AppServer } from "../../bench/lib/app-server";
import { startTwilioFake, type TwilioFake } from "../../test/fakes/twilio-fake";

test.describe.configure({ mode: "serial", timeout: 180_000 });

const PORT = Number(process.env.E2E_PORT ?? 3210) + 14;
const baseUrl = `http://127.0.0.1:${PORT}`;
// Twilio would need https; the browser signs in on this plain-http address, so the panel also warns about it.
const publicBaseUrl = baseUrl;
const accountSid = `AC${randomBytes(16).toString("hex")}`;
const authToken = randomBytes(16).toString("hex");
const owner = { email: "numbers@example.com", password: "ringback-numbers" };
const businessNumber = "+15005550006";
const overrides = "#ct=3000&rt=12000&tt=15000&rc=3&rp=ct,5xx";

let fake: TwilioFake;
let server: AppServer | undefined;

test.beforeAll(async () => {
  test.setTimeout(150_000); // a production server on a fresh embedded database
  fake = await startTwilioFake({ accountSid, authToken });
  fake.incomingNumbers.add({ phoneNumber: businessNumber, voiceUrl: "https://old-deploy.example.com/voice" });
  fake.incomingNumbers.add({ phoneNumber: "+15005550010", friendlyName: "Spare line" });
  server = await startAppServer({
    port: PORT,
    logFile: path.join(os.tmpdir(), "ringback-e2e-number-setup.log"),
    env: {
      ...process.env,
      PORT: String(PORT),
      DATABASE_URL: "",
      DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "ringback-numbers-")),
      PUBLIC_BASE_URL: publicBaseUrl,
      AUTH_SECRET: "number-setup-e2e-secret-0123456789abcdef",
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

test("the owner connects the business's number in one click and sees what Twilio now stores", async ({ page }) => {
  await page.goto(`${baseUrl}/login?callbackUrl=%2Fsettings`);
  await page.getByLabel("Email").fill(owner.email);
  await page.getByLabel("Password").fill(owner.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/settings/);

  // The health panel names the drift first: the number still points at an old deployment.
  await page.goto(`${baseUrl}/dashboard`);
  await expect(page.getByTestId("setup-warnings")).toContainText("https://old-deploy.example.com/voice");

  await page.goto(`${baseUrl}/settings#twilio`);
  const numbers = page.getByTestId("account-number");
  await expect(numbers).toHaveCount(2);
  await expect(numbers.filter({ hasText: businessNumber })).toContainText("Points elsewhere");
  await page.getByRole("button", { name: `Connect ${businessNumber}` }).click();

  const result = page.getByTestId("connect-result");
  await expect(result).toContainText(`${businessNumber} is connected`);
  await expect(result.getByTestId("number-setting-voiceUrl")).toContainText(
    `${publicBaseUrl}/api/twilio/voice${overrides}`,
  );
  await expect(result.getByText("✓ set")).toHaveCount(6);
  await expect(numbers.filter({ hasText: businessNumber })).toContainText("Connected");

  const stored = fake.incomingNumbers.list.find((number) => number.phoneNumber === businessNumber)!;
  expect(stored).toMatchObject({
    voiceUrl: `${publicBaseUrl}/api/twilio/voice${overrides}`,
    voiceMethod: "POST",
    voiceFallbackUrl: `${publicBaseUrl}/api/twilio/voice-fallback${overrides}`,
    smsUrl: `${publicBaseUrl}/api/twilio/sms${overrides}`,
    smsMethod: "POST",
    statusCallback: `${publicBaseUrl}/api/twilio/call-status${overrides}`,
  });
  await page.locator("#twilio").screenshot({ path: test.info().outputPath("number-setup.png") });

  await page.goto(`${baseUrl}/dashboard`);
  await expect(page.getByTestId("health-panel")).toContainText("Last call processed");
  const warnings = page.getByTestId("setup-warnings");
  await expect(warnings).toContainText("PUBLIC_BASE_URL is http://127.0.0.1");
  await expect(warnings).not.toContainText("old-deploy.example.com");
});
