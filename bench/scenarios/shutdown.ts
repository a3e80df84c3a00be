// How long the server takes to exit after SIGTERM (sent to every process of `npm start`, as a terminal or a
// container runtime does): once idle, once with work in flight (missed calls arriving at concurrency 20, the
// signal sent after the first 10 were answered). Each case boots a server of its own on a fresh database.
// Reported, not enforced here: the goals are 5 s idle and 15 s with work in flight.
import type { BenchContext, ScenarioResult } from "../lib/context";
import { runMissedCalls } from "../lib/missed-call-run";

export const description = "exit time after SIGTERM, idle and with missed calls in flight";

export async function run(context: BenchContext): Promise<ScenarioResult> {
  const database = context.databaseUrl ? "server" : "embedded";
  const idle = await context.startProduct({ database, name: "shutdown-idle" });
  let idleExit: { exitMs: number; isKilled: boolean };
  try {
    await sleep(2_000);
    idleExit = await idle.server.app.terminate(30_000);
  } finally {
    await idle.stop();
  }
  context.log(`idle: exited ${Math.round(idleExit.exitMs)} ms after SIGTERM`);

  const busy = await context.startProduct({ database, name: "shutdown-busy" });
  let busyExit: { exitMs: number; isKilled: boolean } | undefined;
  let answeredAtSignal = 0;
  let calls;
  try {
    const target = { postTwilio: busy.postTwilio, twilioNumber: context.twilioNumber, accountSid: context.accountSid };
    let signalled: Promise<{ exitMs: number; isKilled: boolean }> | undefined;
    calls = await runMissedCalls({
      context,
      target,
      count: 100,
      concurrency: 20,
      firstCaller: 9_800_000,
      smsWaitMs: 0,
      onCallAnswered: (answered) => {
        if (answered < 10 || signalled) return;
        answeredAtSignal = answered;
        signalled = busy.server.app.terminate(30_000);
      },
    });
    busyExit = await signalled;
  } finally {
    await busy.stop();
  }
  context.log(`in flight: exited ${Math.round(busyExit?.exitMs ?? -1)} ms after SIGTERM`);
  const round = (ms: number) => Math.round(ms);
  return {
    summary: {
      "exit after SIGTERM, idle ms": round(idleExit.exitMs),
      "exit after SIGTERM, work in flight ms": busyExit ? round(busyExit.exitMs) : "n/a",
      "killed after 30 s (idle / in flight)": `${idleExit.isKilled ? "yes" : "no"} / ${busyExit?.isKilled ? "yes" : "no"}`,
      "calls answered when signalled": answeredAtSignal,
      "calls refused or failed after it": calls.errors,
      "goal idle < 5 s": idleExit.exitMs < 5_000 ? "met" : "unmet",
      "goal in flight < 15 s": busyExit && busyExit.exitMs < 15_000 ? "met" : "unmet",
    },
    // A request refused after SIGTERM is the point of shutting down, not a failure of the run.
    mustBeZero: {},
    idleExitMs: round(idleExit.exitMs),
    inFlightExitMs: busyExit ? round(busyExit.exitMs) : null,
    isKilled: { idle: idleExit.isKilled, inFlight: busyExit?.isKilled ?? null },
    callsAnsweredWhenSignalled: answeredAtSignal,
    callsFailedAfterSignal: calls.errors,
    errorSamples: calls.errorSamples,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
