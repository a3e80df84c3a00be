// npm run bench [-- --quick] [--only=missed-calls] [--n=500] [--c=20] [--rounds=10]
// Boots the production build on a fresh PostgreSQL database with Twilio pointed at a local fake, runs every
// scenario in bench/scenarios/ (each exports `run(context)`), writes bench/results/<name>.json, prints a table.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { AppServer } from "./lib/app-server";
import type { BenchContext, BenchOptions, ExtraProduct, Scenario, ScenarioResult } from "./lib/context";
import { countConnections, createBenchDatabase, type BenchDatabase } from "./lib/database";
import { listViolations } from "./lib/must-be-zero";
import { startCountingProxy, type CountingProxy } from "./lib/pg-counting-proxy";
import { printTable } from "./lib/print-table";
import { startProductServer, type ProductSettings } from "./lib/product-server";
import { signIn } from "./lib/sign-in";
import { startOpenAiFake, type OpenAiFake } from "../test/fakes/openai-fake";
import { startBenchTwilioFake, type TwilioFake } from "./lib/twilio-fake";
import { createTwilioPoster, fakeSid } from "./lib/twilio-request";

const root = path.resolve(import.meta.dirname, "..");
const resultsDir = path.join(root, "bench", "results");
const scenariosDir = path.join(root, "bench", "scenarios");

function parseArgs(argv: string[]): BenchOptions & { only?: string[] } {
  const value = (name: string) => argv.find((arg) => arg.startsWith(`--${name}=`))?.split("=")[1];
  const number = (name: string) => (value(name) === undefined ? undefined : Number(value(name)));
  return {
    isQuick: argv.includes("--quick"),
    n: number("n"),
    c: number("c"),
    rounds: number("rounds"),
    only: value("only")?.split(","),
  };
}

async function loadScenarios(only?: string[]): Promise<Array<{ name: string; scenario: Scenario }>> {
  const names = fs
    .readdirSync(scenariosDir)
    .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"))
    .map((file) => file.replace(/\.ts$/, ""))
    .filter((name) => !only || only.includes(name))
    .sort();
  if (names.length === 0) throw new Error(`no scenario matches ${only?.join(", ")} in bench/scenarios/`);
  return Promise.all(
    names.map(async (name) => {
      const loaded = (await import(pathToFileURL(path.join(scenariosDir, `${name}.ts`)).href)) as Partial<Scenario>;
      if (typeof loaded.run !== "function") throw new Error(`bench/scenarios/${name}.ts must export run(context)`);
      return { name, scenario: { description: loaded.description ?? name, run: loaded.run } };
    }),
  );
}

/** Samples the app's memory and database connections while a scenario runs; keeps the peaks. */
function sampleResources(app: AppServer, database: BenchDatabase) {
  let peakRssMb = app.rssMb();
  let peakDbConnections: number | null = null;
  let isSampling = false;
  const timer = setInterval(async () => {
    if (isSampling) return;
    isSampling = true;
    peakRssMb = Math.max(peakRssMb, app.rssMb());
    const connections = await countConnections(database).catch(() => null);
    if (connections !== null) peakDbConnections = Math.max(peakDbConnections ?? 0, connections);
    isSampling = false;
  }, 500);
  return () => {
    clearInterval(timer);
    return { peakRssMb: Math.max(peakRssMb, app.rssMb()), peakDbConnections };
  };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  // BENCH_SERVER=dev runs a scenario against `npm run dev` while writing it; its numbers mean nothing.
  const isDevServer = process.env.BENCH_SERVER === "dev";
  // BENCH_APP_DIR benchmarks another checkout's build with this harness (e.g. the tree before a change).
  const appDir = path.resolve(process.env.BENCH_APP_DIR ?? root);
  if (!isDevServer && !fs.existsSync(path.join(appDir, ".next", "BUILD_ID"))) {
    console.error(
      `No production build found in ${appDir} (.next/BUILD_ID is missing). Run \`npm run build\` there first.`,
    );
    process.exit(1);
  }
  const scenarios = await loadScenarios(options.only);
  fs.mkdirSync(resultsDir, { recursive: true });

  const accountSid = fakeSid("AC");
  const authToken = randomBytes(16).toString("hex");
  const twilioNumber = "+15005550006";
  const forwardTo = "+15005550001";
  const ownerEmail = "owner@example.com";
  const ownerPassword = "ringback-bench";
  const engageDelaySeconds = 1;

  let database: BenchDatabase | undefined;
  let proxy: CountingProxy | undefined;
  let twilioFake: TwilioFake | undefined;
  let openAiFake: OpenAiFake | undefined;
  let app: AppServer | undefined;
  const extras = new Set<ExtraProduct>();
  const rows: Array<{ name: string; summary: ScenarioResult["summary"]; mustBeZero: ScenarioResult["mustBeZero"] }> =
    [];
  let isCleanedUp = false;
  const cleanUp = async () => {
    if (isCleanedUp) return;
    isCleanedUp = true;
    for (const extra of extras) await extra.stop().catch(() => undefined);
    await app?.stop();
    await proxy?.close();
    await twilioFake?.close().catch(() => undefined);
    await openAiFake?.close().catch(() => undefined);
    if (process.env.BENCH_KEEP_DB && database?.name) {
      console.log(`kept the database ${database.name} (BENCH_KEEP_DB)`);
      return;
    }
    await database
      ?.drop()
      .catch((error: unknown) => console.warn(`could not drop the bench database: ${String(error)}`));
  };
  // Interrupted (Ctrl-C, CI timeout): never leave the server running or the database behind.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
  }
  try {
    database = await createBenchDatabase();
    twilioFake = await startBenchTwilioFake({ authToken, accountSid });
    openAiFake = await startOpenAiFake({ apiKey: "bench-fake-key" });
    const settings: ProductSettings = {
      accountSid,
      authToken,
      twilioNumber,
      forwardTo,
      ownerEmail,
      ownerPassword,
      engageDelaySeconds,
      twilioApiBaseUrl: twilioFake.url,
      openAiBaseUrl: openAiFake.baseUrl,
      isDevServer,
      appDir,
    };
    // The server reaches PostgreSQL through a counting proxy: statements per missed call are counted on the wire.
    proxy = database.databaseUrl ? await startCountingProxy(database.databaseUrl) : undefined;
    const bootStarted = performance.now();
    const product = await startProductServer(settings, {
      databaseUrl: proxy?.url,
      dataDir: database.dataDir,
      name: "server",
    });
    app = product.app;
    const { baseUrl } = product;
    console.log(
      `Started the ${isDevServer ? "DEVELOPMENT" : "production"} server on ${baseUrl} (${database.kind} database), ` +
        `healthy after ${Math.round(performance.now() - bootStarted)} ms; log: ${product.logFile}`,
    );
    const runningApp = app;
    const runningDatabase = database;
    const runningProxy = proxy;

    const context: BenchContext = {
      baseUrl,
      accountSid,
      authToken,
      twilioNumber,
      forwardTo,
      ownerEmail,
      ownerPassword,
      twilioFake,
      openAiFake,
      engageDelaySeconds,
      databaseUrl: database.databaseUrl,
      postTwilio: createTwilioPoster({ baseUrl, authToken }),
      signIn: (credentials = { email: ownerEmail, password: ownerPassword }) => signIn(baseUrl, credentials),
      resources: async () => {
        const rssMb = runningApp.rssMb();
        const dbConnections = await countConnections(runningDatabase).catch(() => null);
        return { rssMb, dbConnections };
      },
      serverRssMb: () => runningApp.rssMb(),
      serverGroupId: () => runningApp.pid,
      statementCounts: runningProxy ? () => runningProxy.counts() : undefined,
      startProduct: async ({ database: kind, name }) => {
        const own = kind === "server" && runningDatabase.kind === "server" ? await createBenchDatabase() : undefined;
        const dataDir = own?.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), `ringback-bench-${name}-`));
        try {
          const server = await startProductServer(settings, { databaseUrl: own?.databaseUrl, dataDir, name });
          const extra: ExtraProduct = {
            server,
            postTwilio: createTwilioPoster({ baseUrl: server.baseUrl, authToken }),
            stop: async () => {
              extras.delete(extra);
              await server.app.stop();
              await own?.drop().catch(() => undefined);
              fs.rmSync(dataDir, { recursive: true, force: true });
            },
          };
          extras.add(extra);
          return extra;
        } catch (error) {
          await own?.drop().catch(() => undefined);
          throw error;
        }
      },
      appDir,
      options,
      runId: Math.floor(Date.now() / 1000) % 100_000,
      log: (message) => console.log(`  ${message}`),
    };

    for (const { name, scenario } of scenarios) {
      console.log(`\n▶ ${name}: ${scenario.description}${options.isQuick ? " (quick)" : ""}`);
      // The machine is shared (2 cores here): the load average before and after puts the numbers in context.
      const loadBefore = os.loadavg().map((value) => Math.round(value * 100) / 100);
      const stopSampling = sampleResources(app, database);
      const result = await scenario.run(context);
      const resources = stopSampling();
      const summary = {
        ...result.summary,
        ...result.mustBeZero,
        "peak RSS MB": resources.peakRssMb,
        "peak DB conns": resources.peakDbConnections ?? "n/a",
        "load avg (1 min)": loadBefore[0]!,
      };
      const record = {
        scenario: name,
        description: scenario.description,
        at: new Date().toISOString(),
        isQuick: options.isQuick,
        server: isDevServer ? "dev" : "production",
        app: path.relative(root, appDir) || ".",
        machine: {
          cpus: os.cpus().length,
          cpuModel: os.cpus()[0]?.model,
          memoryGb: Math.round(os.totalmem() / 2 ** 30),
          node: process.version,
          loadAverageBefore: loadBefore,
          loadAverageAfter: os.loadavg().map((value) => Math.round(value * 100) / 100),
        },
        database: database.kind,
        resources,
        ...result,
        summary,
      };
      const file = path.join(resultsDir, `${name}${options.isQuick ? ".quick" : ""}.json`);
      fs.writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
      rows.push({ name, summary, mustBeZero: result.mustBeZero });
      console.log(`  wrote ${path.relative(root, file)}`);
    }
  } finally {
    await cleanUp();
  }
  printTable(rows);
  const violations = listViolations(rows);
  if (violations.length > 0) {
    console.error(`\nThe run lost, doubled or failed something (each must be 0):\n${violations.join("\n")}`);
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
