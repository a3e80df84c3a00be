// The embedded default: `npm start` with no DATABASE_URL (PGlite in a fresh DATA_DIR, as on a fresh machine),
// N missed calls at concurrency C (200 at 20 in the full run): throughput, webhook latency, missed call → SMS at the
// Twilio fake, and the server's peak memory (every process of `npm start`).
import type { BenchContext, ScenarioResult } from "../lib/context";
import { runMissedCalls } from "../lib/missed-call-run";

export const description = "the embedded default (npm start, no DATABASE_URL): missed calls and peak memory";

export async function run(context: BenchContext): Promise<ScenarioResult> {
  const count = context.options.n ?? (context.options.isQuick ? 60 : 200);
  const concurrency = context.options.c ?? 20;
  const bootStarted = performance.now();
  const product = await context.startProduct({ database: "embedded", name: "embedded" });
  const bootMs = Math.round(performance.now() - bootStarted);
  try {
    const target = {
      postTwilio: product.postTwilio,
      twilioNumber: context.twilioNumber,
      accountSid: context.accountSid,
    };
    const warm = await runMissedCalls({
      context,
      target,
      count: 3,
      concurrency: 1,
      firstCaller: 9_500_000,
      smsWaitMs: 30_000,
    });
    if (warm.errors > 0) throw new Error(`warm-up failed: ${warm.errorSamples.join("; ")}`);
    let peakRssMb = product.server.app.rssMb();
    const sampler = setInterval(() => (peakRssMb = Math.max(peakRssMb, product.server.app.rssMb())), 250);
    const calls = await runMissedCalls({ context, target, count, concurrency, firstCaller: 9_000_000 });
    clearInterval(sampler);
    peakRssMb = Math.max(peakRssMb, product.server.app.rssMb());
    return {
      summary: {
        calls: count,
        concurrency,
        "boot ms (fresh DATA_DIR)": bootMs,
        "calls/s": round(calls.callsPerSecond),
        "webhook p50/p95/p99 ms": `${calls.webhookMs.p50} / ${calls.webhookMs.p95} / ${calls.webhookMs.p99}`,
        "SMS p50/p95 ms": `${calls.smsMs.p50} / ${calls.smsMs.p95}`,
        "peak RSS MB (npm start, all processes)": peakRssMb,
        "goal webhook p99 < 1 s": calls.webhookMs.p99 < 1_000 ? "met" : "unmet",
        "goal peak RSS < 400 MB": peakRssMb < 400 ? "met" : "unmet",
      },
      mustBeZero: {
        "missing sms": calls.missing,
        "calls ≠ 1 sms": calls.missing + calls.duplicates,
        errors: calls.errors,
      },
      calls: count,
      concurrency,
      bootMs,
      callsPerSecond: round(calls.callsPerSecond),
      webhookLatencyMs: calls.webhookMs,
      missedCallToSmsMs: calls.smsMs,
      peakRssMb,
      errorSamples: calls.errorSamples,
    };
  } finally {
    await product.stop();
  }
}

const round = (value: number) => Math.round(value * 10) / 10;
