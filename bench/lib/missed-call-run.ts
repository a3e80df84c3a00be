// N distinct missed calls at concurrency C against one server, as Twilio delivers them: the Voice webhook, then
// (when the answer rang the professional) the Dial action with DialCallStatus=no-answer. Then waits until every
// detected call has its SMS at the Twilio fake (or `smsWaitMs` passed) and counts the calls with none or several.
import type { BenchContext } from "./context";
import { runPool } from "./pool";
import { summarizeLatencies } from "./stats";
import { watchMessages } from "./twilio-fake";
import { callerNumber, dialActionUrl, fakeSid, type TwilioPoster } from "./twilio-request";

export type MissedCallTarget = { postTwilio: TwilioPoster; twilioNumber: string; accountSid: string };

type CallOutcome = { from: string; detectedAt?: number; error?: string };

export type MissedCallRun = Awaited<ReturnType<typeof runMissedCalls>>;

export async function runMissedCalls({
  context,
  target,
  count,
  concurrency,
  firstCaller,
  smsWaitMs = 90_000,
  onCallAnswered,
}: {
  context: BenchContext;
  target: MissedCallTarget;
  count: number;
  concurrency: number;
  /** caller numbers are callerNumber(runId, firstCaller + index): distinct per run and per batch */
  firstCaller: number;
  smsWaitMs?: number;
  /** called after each call's last webhook answered (the shutdown scenario stops the server mid-run) */
  onCallAnswered?: (answered: number) => void;
}) {
  const watcher = watchMessages(context.twilioFake);
  const latencies: number[] = [];
  const calls: CallOutcome[] = [];
  let answered = 0;
  const started = performance.now();
  await runPool(
    Array.from({ length: count }, (_, index) => index),
    concurrency,
    async (index) => {
      const call: CallOutcome = { from: callerNumber(context.runId, firstCaller + index) };
      calls.push(call);
      try {
        await placeMissedCall(target, call, latencies);
      } catch (error) {
        call.error = (error as Error).message;
      }
      onCallAnswered?.(++answered);
    },
  );
  const webhookSeconds = (performance.now() - started) / 1000;

  const deadline = performance.now() + smsWaitMs;
  const isPending = (call: CallOutcome) => call.detectedAt !== undefined && watcher.arrivals(call.from).length === 0;
  while (calls.some(isPending) && performance.now() < deadline) await sleep(50);
  await sleep(1_500); // a duplicate would arrive right behind the first
  watcher.stop();

  const smsLatencies: number[] = [];
  let missing = 0;
  let duplicates = 0;
  for (const call of calls) {
    if (call.detectedAt === undefined) continue;
    const arrivals = watcher.arrivals(call.from);
    if (arrivals.length === 0) missing += 1;
    if (arrivals.length > 1) duplicates += 1;
    if (arrivals[0] !== undefined) smsLatencies.push(arrivals[0] - call.detectedAt);
  }
  const errors = calls.filter((call) => call.error).map((call) => call.error!);
  return {
    calls: count,
    webhookSeconds,
    callsPerSecond: count / webhookSeconds,
    webhooksPerSecond: latencies.length / webhookSeconds,
    webhookMs: summarizeLatencies(latencies),
    smsMs: summarizeLatencies(smsLatencies),
    /** raw samples, for summaries over several batches */
    webhookSamples: latencies,
    smsSamples: smsLatencies,
    missing,
    duplicates,
    errors: errors.length,
    errorSamples: [...new Set(errors)].slice(0, 5),
  };
}

async function placeMissedCall(target: MissedCallTarget, call: CallOutcome, latencies: number[]) {
  const base = {
    AccountSid: target.accountSid,
    ApiVersion: "2010-04-01",
    CallSid: fakeSid("CA"),
    Direction: "inbound",
    From: call.from,
    Caller: call.from,
    To: target.twilioNumber,
    Called: target.twilioNumber,
  };
  const voiceSentAt = performance.now();
  const voice = await target.postTwilio("/api/twilio/voice", { ...base, CallStatus: "ringing" });
  latencies.push(voice.ms);
  if (voice.status !== 200) throw new Error(`voice webhook answered ${voice.status}`);
  const action = dialActionUrl(voice.body);
  if (!action) {
    // Nobody was rung (forwarded mode, or unavailable): the voice webhook itself was the missed call.
    call.detectedAt = voiceSentAt;
    return;
  }
  const dialSentAt = performance.now();
  const dial = await target.postTwilio(action, {
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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
