// What every scenario receives: the running app, signed Twilio posts, the Twilio fake, and the run's options.
import type { OpenAiFake } from "../../test/fakes/openai-fake";
import type { StatementCounts } from "./pg-counting-proxy";
import type { ProductServer } from "./product-server";
import type { TwilioPoster } from "./twilio-request";
import type { TwilioFake } from "./twilio-fake";

export type BenchOptions = {
  isQuick: boolean;
  /** overrides from the command line: --n=500 --c=20 --rounds=10 (requests per endpoint, where a scenario has them) */
  n?: number;
  c?: number;
  rounds?: number;
};

export type BenchContext = {
  baseUrl: string;
  accountSid: string;
  authToken: string;
  /** the business's Twilio number (the `To` of inbound calls) */
  twilioNumber: string;
  /** the professional's phone the app dials first */
  forwardTo: string;
  ownerEmail: string;
  ownerPassword: string;
  twilioFake: TwilioFake;
  /** the OpenAI-compatible fake the server's model calls go to (default reply: instant text) */
  openAiFake: OpenAiFake;
  /** the human-priority window the server runs with (AI_ENGAGE_DELAY_SECONDS) */
  engageDelaySeconds: number;
  /** the bench database (PostgreSQL server only; undefined on the embedded database) */
  databaseUrl?: string;
  postTwilio: TwilioPoster;
  /** signs in (the bootstrap owner by default) and returns a Cookie header value */
  signIn: (credentials?: { email: string; password: string }) => Promise<string>;
  /** the server's memory now (RSS of its process group) and the connections it holds on the database */
  resources: () => Promise<{ rssMb: number; dbConnections: number | null }>;
  /** the server's memory now (RSS of its process group), at once */
  serverRssMb: () => number;
  /** the process group of the server (for its CPU time: bench/lib/cpu.ts) */
  serverGroupId: () => number;
  /** what the server sent PostgreSQL so far, counted by a proxy on the wire (undefined on the embedded database) */
  statementCounts?: () => StatementCounts;
  /**
   * Boots another product server with the same settings for a scenario of its own (the embedded default, a
   * shutdown): a fresh database on the PostgreSQL server, or none (`npm start` then uses its embedded default).
   */
  startProduct: (options: { database: "server" | "embedded"; name: string }) => Promise<ExtraProduct>;
  /** the checkout whose server runs (this one unless BENCH_APP_DIR names another) */
  appDir: string;
  options: BenchOptions;
  /** a number unique to this run, for distinct caller numbers across runs on one database */
  runId: number;
  log: (message: string) => void;
};

/** A scenario's result: free-form JSON, plus the rows it wants in the printed table. */
export type ScenarioResult = {
  summary: Record<string, string | number>;
  /**
   * Correctness counts: things that must never happen however loaded the machine is (a missed call without exactly
   * one SMS, a lost or doubled AI reply, a live event that reached no client, a request that failed). Any non-zero
   * count fails the run. Speed goals are reported, never enforced: they depend on the machine.
   */
  mustBeZero: Record<string, number>;
  [key: string]: unknown;
};

export type Scenario = {
  description: string;
  run: (context: BenchContext) => Promise<ScenarioResult>;
};

export type ExtraProduct = { server: ProductServer; postTwilio: TwilioPoster; stop: () => Promise<void> };
