// What every scenario receives: the running app, signed Twilio posts, the Twilio fake, and the run's options.
import type { TwilioPoster } from "./twilio-request";
import type { TwilioFake } from "./twilio-fake";

export type BenchOptions = {
  isQuick: boolean;
  /** overrides from the command line: --n=500 --c=20 */
  n?: number;
  c?: number;
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
  postTwilio: TwilioPoster;
  options: BenchOptions;
  /** a number unique to this run, for distinct caller numbers across runs on one database */
  runId: number;
  log: (message: string) => void;
};

/** A scenario's result: free-form JSON, plus the rows it wants in the printed table. */
export type ScenarioResult = {
  summary: Record<string, string | number>;
  [key: string]: unknown;
};

export type Scenario = {
  description: string;
  run: (context: BenchContext) => Promise<ScenarioResult>;
};
