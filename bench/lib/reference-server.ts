// Starts the reference server (bench/baseline/server.ts) on its own database of the same PostgreSQL server,
// migrated with the product's migrations, behind a statement-counting proxy, pointed at the run's Twilio fake.
import os from "node:os";
import path from "node:path";
import { migrateDatabase } from "../../lib/db/migrate";
import { startAppServer, type AppServer } from "./app-server";
import type { BenchContext } from "./context";
import { createBenchDatabase, type BenchDatabase } from "./database";
import { startCountingProxy, type CountingProxy } from "./pg-counting-proxy";
import { freePort } from "./free-port";
import { createTwilioPoster, type TwilioPoster } from "./twilio-request";

export type ReferenceServer = {
  postTwilio: TwilioPoster;
  twilioNumber: string;
  accountSid: string;
  server: AppServer;
  proxy: CountingProxy;
  stop: () => Promise<void>;
};

const root = path.resolve(import.meta.dirname, "..", "..");

/** Null when the run has no PostgreSQL server (the reference is a server-database comparison). */
export async function startReferenceServer(context: BenchContext): Promise<ReferenceServer | null> {
  if (!context.databaseUrl) return null;
  const database: BenchDatabase = await createBenchDatabase();
  if (!database.databaseUrl) return null;
  let proxy: CountingProxy | undefined;
  try {
    await migrateDatabase({
      databaseUrl: database.databaseUrl,
      migrationsDir: path.join(root, "prisma", "migrations"),
    });
    proxy = await startCountingProxy(database.databaseUrl);
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const twilioNumber = "+15005550009";
    const server = await startAppServer({
      port,
      logFile: path.join(os.tmpdir(), `ringback-bench-reference-${port}.log`),
      command: { file: process.execPath, args: ["--import", "tsx", path.join(root, "bench", "baseline", "server.ts")] },
      healthPath: "/health",
      env: {
        PATH: process.env.PATH,
        NODE_ENV: "production",
        PORT: String(port),
        DATABASE_URL: proxy.url,
        PUBLIC_BASE_URL: baseUrl,
        TWILIO_ACCOUNT_SID: context.accountSid,
        TWILIO_AUTH_TOKEN: context.authToken,
        TWILIO_API_BASE_URL: context.twilioFake.url,
        BUSINESS_NUMBER: twilioNumber,
        FORWARD_TO: context.forwardTo,
      },
    });
    const runningProxy = proxy;
    return {
      postTwilio: createTwilioPoster({ baseUrl, authToken: context.authToken }),
      twilioNumber,
      accountSid: context.accountSid,
      server,
      proxy,
      stop: async () => {
        await server.stop();
        await runningProxy.close();
        await database.drop().catch(() => undefined);
      },
    };
  } catch (error) {
    await proxy?.close();
    await database.drop().catch(() => undefined);
    throw error;
  }
}
