// A realistic mix, open loop (requests start on schedule whatever the server's pace), ramped in steps until p99
// passes 1 s or errors appear: missed calls (Voice + Dial-action webhooks), customer replies (which wake the AI
// after the window), Twilio status callbacks for the messages we sent, inbox reads, with SSE clients connected.
// Reports per step: latency, achieved rate, errors, server RSS and database connections; and the sustained rate
// (the highest step whose p99 stayed under 500 ms with no errors).
import type { BenchContext, ScenarioResult } from "../lib/context";
import { connectSse, type SseClient } from "../lib/sse-client";
import { streamCookie, teamCookies } from "../lib/team";
import { summarizeLatencies, type LatencySummary } from "../lib/stats";
import { watchMessages } from "../lib/twilio-fake";
import { callerNumber, dialActionUrl, fakeSid } from "../lib/twilio-request";

export const description = "mixed load ramp (calls, replies, status callbacks, inbox reads, SSE clients)";

type Kind = "missed-call" | "customer-reply" | "status-callback" | "inbox-read";
// Per 20 operations: 5 missed calls (2 webhooks each), 5 replies, 4 status callbacks, 6 inbox reads.
const MIX: Kind[] = (
  "missed-call inbox-read customer-reply status-callback inbox-read missed-call customer-reply inbox-read " +
  "status-callback missed-call customer-reply inbox-read missed-call status-callback customer-reply inbox-read " +
  "missed-call customer-reply status-callback inbox-read"
).split(" ") as Kind[];

type Step = {
  targetRate: number;
  seconds: number;
  requests: number;
  achievedRate: number;
  latencyMs: LatencySummary;
  byKindP99Ms: Partial<Record<Kind, number>>;
  errors: number;
  errorSamples: string[];
  rssMb: number;
  dbConnections: number | null;
  peakDbConnections: number | null;
};

export async function run(context: BenchContext): Promise<ScenarioResult> {
  const { isQuick } = context.options;
  const rates = isQuick ? [10, 20] : [10, 20, 40, 60, 80, 120, 160, 240];
  const stepSeconds = isQuick ? 4 : 10;
  const sseCount = isQuick ? 10 : 20;
  // The streams are a team's (five a person), the inbox reads the owner's.
  const cookies = await teamCookies(context, sseCount, "load");
  const cookie = cookies[0]!;
  const clients: SseClient[] = Array.from({ length: sseCount }, (_, index) =>
    connectSse(`${context.baseUrl}/api/events`, streamCookie(cookies, index), () => {}),
  );
  await Promise.all(clients.map((client) => client.ready));

  const unconfirmed: string[] = []; // sids at the fake still without a status callback
  context.twilioFake.onMessage((message) => unconfirmed.push(message.sid));
  const watcher = watchMessages(context.twilioFake);
  const callers: string[] = []; // every caller whose Dial action was answered 200: each is owed one auto-SMS
  const repliedCallers = new Set<string>(); // callers who also texted: AI replies join their auto-SMS
  let callIndex = 0;
  let textIndex = 0;

  const operations: Record<Kind, (record: (kind: Kind, ms: number, error?: string) => void) => Promise<void>> = {
    "missed-call": async (record) => {
      const from = callerNumber(context.runId, 4_000_000 + callIndex++);
      const base = {
        AccountSid: context.accountSid,
        ApiVersion: "2010-04-01",
        CallSid: fakeSid("CA"),
        Direction: "inbound",
        From: from,
        Caller: from,
        To: context.twilioNumber,
        Called: context.twilioNumber,
      };
      const voice = await context.postTwilio("/api/twilio/voice", { ...base, CallStatus: "ringing" });
      record("missed-call", voice.ms, voice.status === 200 ? undefined : `voice ${voice.status}`);
      const action = dialActionUrl(voice.body);
      if (voice.status !== 200 || !action) return;
      const dial = await context.postTwilio(action, {
        ...base,
        CallStatus: "in-progress",
        DialCallSid: fakeSid("CA"),
        DialCallStatus: "no-answer",
        DialCallDuration: "0",
      });
      record("missed-call", dial.ms, dial.status === 200 ? undefined : `dial-action ${dial.status}`);
      if (dial.status === 200) callers.push(from);
    },
    "customer-reply": async (record) => {
      const from =
        callers.length > 0
          ? callers[(textIndex * 7) % callers.length]!
          : callerNumber(context.runId, 4_500_000 + textIndex);
      textIndex++;
      repliedCallers.add(from);
      const sms = await context.postTwilio("/api/twilio/sms", {
        AccountSid: context.accountSid,
        ApiVersion: "2010-04-01",
        MessageSid: fakeSid("SM"),
        From: from,
        To: context.twilioNumber,
        Body: "It's the kitchen tap, it won't stop dripping",
        NumMedia: "0",
      });
      record("customer-reply", sms.ms, sms.status === 200 ? undefined : `sms ${sms.status}`);
    },
    "status-callback": async (record) => {
      const sid = unconfirmed.shift();
      if (!sid) return operations["inbox-read"](record);
      const started = performance.now();
      const response = await context.twilioFake.sendStatusCallback(sid, "delivered");
      await response.arrayBuffer();
      record(
        "status-callback",
        performance.now() - started,
        response.status < 300 ? undefined : `status callback ${response.status}`,
      );
    },
    "inbox-read": async (record) => {
      const started = performance.now();
      const response = await fetch(`${context.baseUrl}/api/threads?limit=50`, { headers: { cookie } });
      await response.arrayBuffer();
      record("inbox-read", performance.now() - started, response.ok ? undefined : `inbox ${response.status}`);
    },
  };

  const steps: Step[] = [];
  try {
    // Warm-up, unmeasured: one of each.
    const ignore = () => {};
    for (const kind of ["missed-call", "customer-reply", "status-callback", "inbox-read"] as Kind[])
      await operations[kind](ignore);

    for (const rate of rates) {
      const samples: number[] = [];
      const byKind: Partial<Record<Kind, number[]>> = {};
      const errors: string[] = [];
      let peakConnections: number | null = null;
      const record = (kind: Kind, ms: number, error?: string) => {
        samples.push(ms);
        (byKind[kind] ??= []).push(ms);
        if (error) errors.push(error);
      };
      const sampler = setInterval(() => {
        void context.resources().then(({ dbConnections }) => {
          if (dbConnections !== null) peakConnections = Math.max(peakConnections ?? 0, dbConnections);
        });
      }, 1_000);
      const total = rate * stepSeconds;
      const inFlight: Promise<void>[] = [];
      const started = performance.now();
      for (let index = 0; index < total; index++) {
        const due = started + (index * 1000) / rate;
        const wait = due - performance.now();
        if (wait > 0) await sleep(wait);
        const kind = MIX[index % MIX.length]!;
        inFlight.push(
          operations[kind](record).catch((error: unknown) =>
            record(kind, performance.now() - due, String((error as Error).message ?? error)),
          ),
        );
      }
      await Promise.all(inFlight);
      const elapsed = (performance.now() - started) / 1000;
      clearInterval(sampler);
      const { rssMb, dbConnections } = await context.resources();
      const latency = summarizeLatencies(samples);
      const step: Step = {
        targetRate: rate,
        seconds: Math.round(elapsed * 10) / 10,
        requests: samples.length,
        achievedRate: Math.round((samples.length / elapsed) * 10) / 10,
        latencyMs: latency,
        byKindP99Ms: Object.fromEntries(
          Object.entries(byKind).map(([kind, values]) => [kind, summarizeLatencies(values).p99]),
        ),
        errors: errors.length,
        errorSamples: [...new Set(errors)].slice(0, 5),
        rssMb,
        dbConnections,
        peakDbConnections: peakConnections === null ? dbConnections : Math.max(peakConnections, dbConnections ?? 0),
      };
      steps.push(step);
      context.log(
        `${rate} ops/s → ${step.achievedRate} req/s, p50 ${latency.p50} p95 ${latency.p95} p99 ${latency.p99} ms, ` +
          `${step.errors} errors, RSS ${rssMb} MB, DB conns ${step.peakDbConnections}`,
      );
      if (latency.p99 > 1_000 || errors.length > 0) break;
      await sleep(1_000);
    }
  } finally {
    for (const client of clients) client.close();
  }
  const autoReplies = await countAutoReplies(callers, repliedCallers, watcher);
  watcher.stop();

  const sustained = steps.filter((step) => step.latencyMs.p99 < 500 && step.errors === 0).at(-1);
  const last = steps.at(-1)!;
  const stopReason =
    last.latencyMs.p99 > 1_000
      ? "p99 passed 1 s"
      : last.errors > 0
        ? "errors appeared"
        : "the last step of the ramp passed";
  return {
    summary: {
      steps: steps.map((step) => step.targetRate).join("/"),
      "sustained req/s (p99<500ms)": sustained?.achievedRate ?? 0,
      "sustained step p99 ms": sustained?.latencyMs.p99 ?? "n/a",
      "last step req/s": last.achievedRate,
      "last step p99 ms": last.latencyMs.p99,
      "stopped because": stopReason,
      "RSS MB at end": last.rssMb,
      "peak DB conns (load)": Math.max(...steps.map((step) => step.peakDbConnections ?? 0)),
      "SSE clients": sseCount,
      // Errors once the server is overloaded (p99 past 1 s) are where the ramp ends, a measurement; errors before
      // that, or an accepted call that lost or doubled its SMS, are bugs.
      "request errors": steps.reduce((sum, step) => sum + step.errors, 0),
      "accepted missed calls": callers.length,
    },
    mustBeZero: {
      "request errors before overload (p99 ≤ 1 s)": steps
        .filter((step) => step.latencyMs.p99 <= 1_000)
        .reduce((sum, step) => sum + step.errors, 0),
      "accepted calls without their SMS": autoReplies.missing,
      "accepted calls (never texted back) with 2+ SMS": autoReplies.doubled,
    },
    mix: "per 20 operations: 5 missed calls (Voice + Dial-action webhooks), 5 customer replies, 4 status callbacks, 6 inbox reads (GET /api/threads)",
    stepSeconds,
    sseClients: sseCount,
    sustainedRequestsPerSecond: sustained?.achievedRate ?? 0,
    sustainedStep: sustained ?? null,
    stopReason,
    steps,
    // In the full run, errors at the breaking point are the expected end of the ramp, not a failed benchmark.
    errorsAtBreakingPoint: last.errors,
  };
}

/**
 * Waits (up to 60 s: the backlog of an overloaded step drains) until every accepted call has a text, then counts
 * the calls without one, and the calls with more than one among those whose caller never texted (for the others, AI
 * replies join the auto-SMS).
 */
async function countAutoReplies(
  callers: string[],
  repliedCallers: Set<string>,
  watcher: ReturnType<typeof watchMessages>,
) {
  const deadline = performance.now() + 60_000;
  while (callers.some((from) => watcher.arrivals(from).length === 0) && performance.now() < deadline) await sleep(100);
  await sleep(2_000);
  const missing = callers.filter((from) => watcher.arrivals(from).length === 0).length;
  const doubled = callers.filter((from) => !repliedCallers.has(from) && watcher.arrivals(from).length > 1).length;
  return { missing, doubled };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
