// Missed calls, the product side by side with a bare node:http + pg reference doing the same work
// (bench/baseline/server.ts), in turns on the same PostgreSQL: N calls each (Voice webhook, then the Dial action with
// DialCallStatus=no-answer) at concurrency C, in 4 alternating batches (product, reference, reference, product) so
// that a change in the machine's load weighs on both. Per side: throughput, webhook latency, missed call → SMS at
// the Twilio fake, statements sent to PostgreSQL per call (counted on the wire; also net of the idle polling) and
// peak memory. The throughput ratio of this one run is the figure to quote.
import type { BenchContext, ScenarioResult } from "../lib/context";
import { cpuBetween, readCpu, type CpuReading } from "../lib/cpu";
import { runMissedCalls, type MissedCallRun, type MissedCallTarget } from "../lib/missed-call-run";
import type { StatementCounts } from "../lib/pg-counting-proxy";
import { startReferenceServer } from "../lib/reference-server";
import { summarizeLatencies } from "../lib/stats";

/** Unmeasured calls per side before the batches (a full run; a quick one makes 3). */
const WARM_UP_CALLS = 300;

export const description = "missed calls → auto-SMS, the product and a bare node:http + pg reference in turns";

type Side = {
  name: "product" | "reference";
  target: MissedCallTarget;
  counts?: () => StatementCounts;
  rssMb: () => number;
  groupId: () => number;
  batches: MissedCallRun[];
  /** CPU used during the side's batches: its server, PostgreSQL, this process (requests, Twilio fake, proxy) */
  cpu: CpuReading;
  statements: number;
  roundTrips: number;
  idleStatementsPerSecond: number;
  seconds: number;
  peakRssMb: number;
};

export async function run(context: BenchContext): Promise<ScenarioResult> {
  const count = context.options.n ?? (context.options.isQuick ? 60 : 500);
  const concurrency = context.options.c ?? 20;
  const reference = await startReferenceServer(context);
  try {
    const target = {
      postTwilio: context.postTwilio,
      twilioNumber: context.twilioNumber,
      accountSid: context.accountSid,
    };
    const sides = [side("product", target, context.serverRssMb, context.serverGroupId, context.statementCounts)];
    if (reference) {
      sides.push(
        side(
          "reference",
          reference,
          () => reference.server.rssMb(),
          () => reference.server.pid,
          () => reference.proxy.counts(),
        ),
      );
    }
    let nextCaller = 0;
    for (const current of sides) {
      await warmUp(context, current, (nextCaller += WARM_UP_CALLS) + 8_000_000);
      current.idleStatementsPerSecond = await idleStatementRate(current);
    }
    const order = reference ? [0, 1, 1, 0] : [0, 0];
    const batchSize = Math.ceil(count / (order.length / sides.length));
    for (const index of order) {
      const current = sides[index]!;
      const before = current.counts?.();
      const sampler = setInterval(() => (current.peakRssMb = Math.max(current.peakRssMb, current.rssMb())), 250);
      const cpuBefore = readCpu(current.groupId());
      const started = performance.now();
      const batch = await runMissedCalls({
        context,
        target: current.target,
        count: batchSize,
        concurrency,
        firstCaller: nextCaller,
      });
      current.seconds += (performance.now() - started) / 1000;
      const cpu = cpuBetween(cpuBefore, readCpu(current.groupId()));
      current.cpu.serverMs += cpu.serverMs;
      current.cpu.postgresMs += cpu.postgresMs;
      current.cpu.generatorMs += cpu.generatorMs;
      clearInterval(sampler);
      nextCaller += batchSize;
      current.batches.push(batch);
      const after = current.counts?.();
      if (before && after) {
        current.statements += after.statements - before.statements;
        current.roundTrips += after.roundTrips - before.roundTrips;
      }
      context.log(
        `${current.name}: ${batch.calls} calls, ${round(batch.callsPerSecond)} calls/s, webhook p99 ${batch.webhookMs.p99} ms`,
      );
    }
    return report(sides, { count, concurrency });
  } finally {
    await reference?.stop();
  }
}

function side(
  name: Side["name"],
  target: MissedCallTarget,
  rssMb: () => number,
  groupId: () => number,
  counts: (() => StatementCounts) | undefined,
): Side {
  return {
    name,
    target,
    rssMb,
    groupId,
    counts,
    cpu: { serverMs: 0, postgresMs: 0, generatorMs: 0 },
    batches: [],
    statements: 0,
    roundTrips: 0,
    idleStatementsPerSecond: 0,
    seconds: 0,
    peakRssMb: 0,
  };
}

function report(sides: Side[], { count, concurrency }: { count: number; concurrency: number }): ScenarioResult {
  const summaries = Object.fromEntries(sides.map((current) => [current.name, summarizeSide(current)]));
  const product = summaries.product!;
  const reference = summaries.reference;
  const summary: ScenarioResult["summary"] = { "calls per side": count, concurrency };
  for (const [name, value] of Object.entries(summaries)) {
    summary[`${name} calls/s`] = value.callsPerSecond;
    summary[`${name} webhook p50/p95/p99 ms`] =
      `${value.webhookMs.p50} / ${value.webhookMs.p95} / ${value.webhookMs.p99}`;
    summary[`${name} SMS p50/p95 ms`] = `${value.smsMs.p50} / ${value.smsMs.p95}`;
    summary[`${name} statements/call (net of idle)`] =
      value.statementsPerCall === null ? "n/a" : `${value.statementsPerCall} (${value.netStatementsPerCall})`;
    summary[`${name} CPU ms/call: server / PostgreSQL / bench`] =
      `${value.cpuMsPerCall.server} / ${value.cpuMsPerCall.postgres} / ${value.cpuMsPerCall.bench}`;
    summary[`${name} peak RSS MB`] = value.peakRssMb;
  }
  if (reference)
    summary["throughput ratio (product ÷ reference)"] = round(product.callsPerSecond / reference.callsPerSecond, 2);
  summary["goal ratio ≥ 0.5"] = reference
    ? product.callsPerSecond / reference.callsPerSecond >= 0.5
      ? "met"
      : "unmet"
    : "n/a";
  summary["goal webhook p99 < 500 ms"] = product.webhookMs.p99 < 500 ? "met" : "unmet";
  const mustBeZero: Record<string, number> = {};
  for (const [name, value] of Object.entries(summaries)) {
    mustBeZero[`${name} missing sms`] = value.missing;
    mustBeZero[`${name} calls ≠ 1 sms`] = value.missing + value.duplicates;
    mustBeZero[`${name} errors`] = value.errors;
  }
  return {
    summary,
    mustBeZero,
    callsPerSide: count,
    concurrency,
    batches: "product, reference, reference, product (each a quarter of the calls of both)",
    ratio: reference ? round(product.callsPerSecond / reference.callsPerSecond, 3) : null,
    statementsDefinition:
      "Execute and simple Query messages the server sent PostgreSQL during its batches (webhooks, jobs, polling), " +
      "per call; net: less the server's idle rate measured for 3 s before, times the batch time",
    sides: summaries,
  };
}

function summarizeSide(current: Side) {
  const calls = current.batches.reduce((sum, batch) => sum + batch.calls, 0);
  const webhookSeconds = current.batches.reduce((sum, batch) => sum + batch.webhookSeconds, 0);
  const webhookSamples = current.batches.flatMap((batch) => batch.webhookSamples);
  const smsSamples = current.batches.flatMap((batch) => batch.smsSamples);
  const hasCounts = current.counts !== undefined;
  return {
    calls,
    callsPerSecond: round(calls / webhookSeconds),
    webhookMs: summarizeLatencies(webhookSamples),
    smsMs: summarizeLatencies(smsSamples),
    statementsPerCall: hasCounts ? round(current.statements / calls) : null,
    netStatementsPerCall: hasCounts
      ? round((current.statements - current.idleStatementsPerSecond * current.seconds) / calls)
      : null,
    roundTripsPerCall: hasCounts ? round(current.roundTrips / calls) : null,
    cpuMsPerCall: {
      server: round(current.cpu.serverMs / calls, 2),
      postgres: round(current.cpu.postgresMs / calls, 2),
      bench: round(current.cpu.generatorMs / calls, 2),
      definition:
        "CPU time during the side's batches (Linux /proc): the server's process group; every PostgreSQL process " +
        "(the other side idles meanwhile); the bench process (requests, the Twilio fake, the counting proxy)",
    },
    idleStatementsPerSecond: round(current.idleStatementsPerSecond),
    peakRssMb: current.peakRssMb,
    missing: current.batches.reduce((sum, batch) => sum + batch.missing, 0),
    duplicates: current.batches.reduce((sum, batch) => sum + batch.duplicates, 0),
    errors: current.batches.reduce((sum, batch) => sum + batch.errors, 0),
    errorSamples: [...new Set(current.batches.flatMap((batch) => batch.errorSamples))].slice(0, 5),
  };
}

/**
 * Unmeasured calls first, at the batches' concurrency: the first requests load each route's code, and the next few
 * hundred let V8 compile the hot functions (a server in production has long been warm). Both sides get the same.
 */
async function warmUp(context: BenchContext, current: Side, firstCaller: number) {
  const warm = await runMissedCalls({
    context,
    target: current.target,
    count: context.options.isQuick ? 3 : WARM_UP_CALLS,
    concurrency: context.options.isQuick ? 1 : (context.options.c ?? 20),
    firstCaller,
    smsWaitMs: 30_000,
  });
  if (warm.errors > 0) throw new Error(`${current.name} warm-up failed: ${warm.errorSamples.join("; ")}`);
}

/** Statements per second the server sends with nothing to do (job polling), over 3 quiet seconds. */
async function idleStatementRate(current: Side): Promise<number> {
  if (!current.counts) return 0;
  await sleep(1_000);
  const before = current.counts().statements;
  await sleep(3_000);
  return (current.counts().statements - before) / 3;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
