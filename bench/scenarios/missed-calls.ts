// N distinct missed calls at concurrency C, as Twilio delivers them: the Voice webhook, then (when the app rang the
// professional first) the Dial action with DialCallStatus=no-answer. Measures webhook latency, throughput, the time
// from the missed-call webhook to the auto-SMS reaching (fake) Twilio, and messages per call (exactly 1 expected).
import type { BenchContext, ScenarioResult } from "../lib/context";
import { runPool } from "../lib/pool";
import { summarizeLatencies } from "../lib/stats";
import { watchMessages } from "../lib/twilio-fake";
import { callerNumber, dialActionUrl, fakeSid } from "../lib/twilio-request";

export const description = "missed calls → auto-SMS (voice + dial-action webhooks)";

type CallOutcome = { from: string; detectedAt?: number; error?: string; path: "dial-action" | "voice-only" };

export async function run(context: BenchContext): Promise<ScenarioResult> {
  const count = context.options.n ?? (context.options.isQuick ? 50 : 500);
  const concurrency = context.options.c ?? 20;
  const watcher = watchMessages(context.twilioFake);
  await warmUp(context, watcher);
  const webhookLatencies: number[] = [];
  const calls: CallOutcome[] = [];
  const started = performance.now();

  await runPool(
    Array.from({ length: count }, (_, index) => index),
    concurrency,
    async (index) => {
      const call: CallOutcome = { from: callerNumber(context.runId, index), path: "voice-only" };
      calls.push(call);
      try {
        await placeMissedCall(context, call, webhookLatencies);
      } catch (error) {
        call.error = (error as Error).message;
      }
    },
  );
  const webhookSeconds = (performance.now() - started) / 1000;

  // Wait until every detected call has its SMS (or 90 s), then a short settle to catch duplicates.
  const deadline = performance.now() + 90_000;
  const isPending = (call: CallOutcome) => call.detectedAt !== undefined && watcher.arrivals(call.from).length === 0;
  while (calls.some(isPending) && performance.now() < deadline) await sleep(50);
  await sleep(2_000);
  watcher.stop();

  const smsLatencies: number[] = [];
  let duplicates = 0;
  let missing = 0;
  for (const call of calls) {
    const arrivals = call.detectedAt === undefined ? [] : watcher.arrivals(call.from);
    if (arrivals.length === 0 && call.detectedAt !== undefined) missing += 1;
    if (arrivals.length > 1) duplicates += 1;
    if (arrivals[0] !== undefined && call.detectedAt !== undefined) smsLatencies.push(arrivals[0] - call.detectedAt);
  }
  const errors = calls.filter((call) => call.error);
  const webhook = summarizeLatencies(webhookLatencies);
  const sms = summarizeLatencies(smsLatencies);
  const totalSeconds = (performance.now() - started) / 1000;

  return {
    summary: {
      calls: count,
      concurrency,
      "webhook p50 ms": webhook.p50,
      "webhook p95 ms": webhook.p95,
      "webhook p99 ms": webhook.p99,
      "webhooks/s": round(webhookLatencies.length / webhookSeconds),
      "sms p50 ms": sms.p50,
      "sms p95 ms": sms.p95,
      "sms p99 ms": sms.p99,
    },
    mustBeZero: {
      "missing sms": missing,
      "calls ≠ 1 sms": duplicates + missing,
      errors: errors.length,
    },
    calls: count,
    concurrency,
    paths: {
      dialAction: calls.filter((call) => call.path === "dial-action").length,
      voiceOnly: calls.filter((call) => call.path === "voice-only").length,
    },
    webhookLatencyMs: webhook,
    webhooksPerSecond: round(webhookLatencies.length / webhookSeconds),
    callsPerSecond: round(count / webhookSeconds),
    missedCallToSmsMs: sms,
    duplicates,
    missing,
    errors: errors.length,
    errorSamples: [...new Set(errors.map((call) => call.error))].slice(0, 5),
    totalSeconds: round(totalSeconds),
  };
}

async function placeMissedCall(context: BenchContext, call: CallOutcome, latencies: number[]) {
  const callSid = fakeSid("CA");
  const base = {
    AccountSid: context.accountSid,
    ApiVersion: "2010-04-01",
    CallSid: callSid,
    Direction: "inbound",
    From: call.from,
    Caller: call.from,
    To: context.twilioNumber,
    Called: context.twilioNumber,
  };
  const voiceSentAt = performance.now();
  const voice = await context.postTwilio("/api/twilio/voice", { ...base, CallStatus: "ringing" });
  latencies.push(voice.ms);
  if (voice.status !== 200) throw new Error(`voice webhook answered ${voice.status}`);
  const action = dialActionUrl(voice.body);
  if (!action) {
    // The app did not ring anyone (forwarded mode, or unavailable): the voice webhook itself was the missed call.
    call.detectedAt = voiceSentAt;
    return;
  }
  call.path = "dial-action";
  const dialSentAt = performance.now();
  const dial = await context.postTwilio(action, {
    ...base,
    CallStatus: "in-progress",
    DialCallSid: fakeSid("CA"),
    DialCallStatus: "no-answer",
    DialCallDuration: "0",
  });
  latencies.push(dial.ms);
  if (dial.status !== 200) throw new Error(`dial-action webhook answered ${dial.status}`);
  call.detectedAt = dialSentAt;
}

/** A few unmeasured calls first: the production server loads each route's code on its first request. */
async function warmUp(context: BenchContext, watcher: ReturnType<typeof watchMessages>) {
  const warmUpCalls = Array.from({ length: 3 }, (_, index): CallOutcome => ({
    from: callerNumber(context.runId, WARM_UP_INDEX + index),
    path: "voice-only",
  }));
  for (const call of warmUpCalls) await placeMissedCall(context, call, []);
  const deadline = performance.now() + 30_000;
  while (warmUpCalls.some((call) => watcher.arrivals(call.from).length === 0) && performance.now() < deadline) {
    await sleep(50);
  }
}

/** Caller indices far above any run size, so warm-up numbers never collide with measured ones. */
const WARM_UP_INDEX = 5_000_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const round = (value: number) => Math.round(value * 10) / 10;
