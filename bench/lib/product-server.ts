// Boots the product (`npm start`, the production build) the way every scenario expects it: Twilio pointed at the
// run's fake, the model at the local OpenAI-compatible fake (instant answers unless a scenario queues a slow one),
// a 1 s human-priority window so AI turns happen in-run, and the bench's bootstrap business and owner. The database
// is a server URL, or none: then `npm start` starts its embedded default in `dataDir`, as on a fresh machine.
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { startAppServer, type AppServer } from "./app-server";
import { freePort } from "./free-port";

export type ProductSettings = {
  accountSid: string;
  authToken: string;
  twilioNumber: string;
  forwardTo: string;
  ownerEmail: string;
  ownerPassword: string;
  engageDelaySeconds: number;
  twilioApiBaseUrl: string;
  openAiBaseUrl: string;
  /** BENCH_SERVER=dev: `npm run dev`, only to try a scenario while writing it (its numbers mean nothing) */
  isDevServer: boolean;
  /** the checkout whose build runs (this one, or BENCH_APP_DIR) */
  appDir: string;
};

export type ProductServer = { app: AppServer; baseUrl: string; logFile: string };

export async function startProductServer(
  settings: ProductSettings,
  { databaseUrl, dataDir, name }: { databaseUrl?: string; dataDir: string; name: string },
): Promise<ProductServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const logFile = path.join(os.tmpdir(), `ringback-bench-${name}-${port}.log`);
  const { DATABASE_URL: _ignored, ...environment } = process.env;
  const app = await startAppServer({
    port,
    logFile,
    npmArgs: settings.isDevServer ? ["run", "dev"] : ["start"],
    cwd: settings.appDir,
    env: {
      ...environment,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      PORT: String(port),
      PUBLIC_BASE_URL: baseUrl,
      DATA_DIR: dataDir,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      TWILIO_ACCOUNT_SID: settings.accountSid,
      TWILIO_AUTH_TOKEN: settings.authToken,
      TWILIO_API_BASE_URL: settings.twilioApiBaseUrl,
      OPENAI_API_KEY: "bench-fake-key",
      OPENAI_BASE_URL: settings.openAiBaseUrl,
      AI_ENGAGE_DELAY_SECONDS: String(settings.engageDelaySeconds),
      RUN_WORKER: "true",
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "warn",
      BOOTSTRAP_BUSINESS_NAME: "Bench Plumbing",
      BOOTSTRAP_TWILIO_NUMBER: settings.twilioNumber,
      BOOTSTRAP_FORWARD_TO: settings.forwardTo,
      BOOTSTRAP_OWNER_EMAIL: settings.ownerEmail,
      BOOTSTRAP_OWNER_PASSWORD: settings.ownerPassword,
    },
  });
  return { app, baseUrl, logFile };
}
