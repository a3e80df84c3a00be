// Customer replies: (1) inbound-SMS webhook latency and throughput at concurrency C (N texts from N/2 customers);
// (2) our own overhead on the AI's answer: with the fake model answering instantly, the time from the end of the
// human-priority window (last inbound webhook answered + AI_ENGAGE_DELAY_SECONDS) to the AI's SMS reaching Twilio.
import pg from "pg";
import type { BenchContext, ScenarioResult } from "../lib/context";
import { runPool } from "../lib/pool";
import { summarizeLatencies } from "../lib/stats";
import { watchMessages } from "../lib/twilio-fake";
import { callerNumber, fakeSid } from "../lib/twilio-request";

export const description = "inbound SMS webhooks, and window end → AI reply at Twilio (instant fake model)";

export async function run(context: BenchContext): Promise<ScenarioResult> {
  const count = context.options.n ?? (context.options.isQuick ? 60 : 1_000);
  const concurrency = context.options.c ?? 20;
  const overheadThreads = context.options.isQuick ? 8 : 60;
  const windowMs = context.engageDelaySeconds * 1000;
  const watcher = watchMessages(context.twilioFake);

  // Warm-up, unmeasured, as for the missed calls: the first requests load each route's code, the next few hundred let
  // V8 compile the hot functions. Their AI turns drain before the measured texts start.
  const warmUpTexts = context.options.isQuick ? 3 : 200;
  await runPool(
    Array.from({ length: warmUpTexts }, (_, index) => index),
    context.options.isQuick ? 1 : concurrency,
    async (index) => {
      const from = callerNumber(context.runId, 6_000_000 + Math.floor(index / 2));
      await sendText(context, from, index % 2 === 0 ? "My water heater is leaking" : "12 Elm Street");
    },
  );
  if (!context.options.isQuick) await waitForQuiet(context, 60_000);

  // 1. Webhook latency and throughput.
  const latencies: number[] = [];
  const failures: string[] = [];
  const acceptedSids: string[] = [];
  const started = performance.now();
  await runPool(
    Array.from({ length: count }, (_, index) => index),
    concurrency,
    async (index) => {
      const from = callerNumber(context.runId, 1_000_000 + Math.floor(index / 2));
      const result = await sendText(context, from, index % 2 === 0 ? "My water heater is leaking" : "12 Elm Street");
      latencies.push(result.ms);
      if (result.status !== 200) failures.push(`status ${result.status}`);
      else acceptedSids.push(result.messageSid);
    },
  );
  const webhookSeconds = (performance.now() - started) / 1000;
  const webhook = summarizeLatencies(latencies);
  context.log(
    `webhooks: ${count} in ${webhookSeconds.toFixed(1)} s, p99 ${webhook.p99} ms; letting their AI turns finish`,
  );
  // Their AI turns (one per customer) drain before the next phase, which times single turns on a quiet server.
  const drained = await waitForQuiet(context, 180_000);
  context.log(`their AI replies went out ${drained ? `within ${(drained / 1000).toFixed(1)} s` : "past 180 s"}`);
  // Every text answered 200 must be stored: Twilio will not send it again.
  const lostTexts = context.databaseUrl
    ? acceptedSids.length - (await countStored(context.databaseUrl, acceptedSids))
    : 0;

  // 2. Window end → AI reply, one fresh customer every 200 ms (a steady trickle, not a burst).
  const overheads: number[] = [];
  let missingReplies = 0;
  let extraReplies = 0;
  const pending = Array.from({ length: overheadThreads }, async (_, index) => {
    await sleep(index * 200);
    const from = callerNumber(context.runId, 2_000_000 + index);
    const result = await sendText(context, from, "Hi, my kitchen sink is blocked");
    if (result.status !== 200) {
      failures.push(`status ${result.status}`);
      return;
    }
    const answeredAt = performance.now();
    const deadline = answeredAt + windowMs + 20_000;
    while (watcher.arrivals(from).length === 0 && performance.now() < deadline) await sleep(10);
    const arrival = watcher.arrivals(from)[0];
    if (arrival === undefined) missingReplies += 1;
    else overheads.push(arrival - (answeredAt + windowMs));
  });
  await Promise.all(pending);
  await sleep(1_500);
  for (let index = 0; index < overheadThreads; index++) {
    if (watcher.arrivals(callerNumber(context.runId, 2_000_000 + index)).length > 1) extraReplies += 1;
  }
  watcher.stop();
  const overhead = summarizeLatencies(overheads);

  return {
    summary: {
      texts: count,
      concurrency,
      "webhook p50 ms": webhook.p50,
      "webhook p95 ms": webhook.p95,
      "webhook p99 ms": webhook.p99,
      "webhooks/s": round(count / webhookSeconds),
      "AI overhead p50 ms": overhead.p50,
      "AI overhead p95 ms": overhead.p95,
      "AI overhead p99 ms": overhead.p99,
      "goal webhook p99 < 200 ms": webhook.p99 < 200 ? "met" : "unmet",
      "goal overhead p95 < 300 ms": overhead.p95 < 300 && missingReplies === 0 ? "met" : "unmet",
    },
    mustBeZero: {
      "texts answered 200 but not stored": lostTexts,
      "missing AI replies": missingReplies,
      "doubled AI replies": extraReplies,
      errors: failures.length,
    },
    texts: count,
    customers: Math.ceil(count / 2),
    concurrency,
    webhookLatencyMs: webhook,
    webhooksPerSecond: round(count / webhookSeconds),
    windowSeconds: context.engageDelaySeconds,
    aiOverheadThreads: overheadThreads,
    aiOverheadMs: overhead,
    aiOverheadDefinition:
      "fake Twilio received the AI's SMS − (inbound webhook answered + AI_ENGAGE_DELAY_SECONDS); the fake model answers at once",
    textsAnsweredButNotStored: lostTexts,
    missingAiReplies: missingReplies,
    doubledAiReplies: extraReplies,
    errors: failures.length,
    errorSamples: [...new Set(failures)].slice(0, 5),
  };
}

async function countStored(databaseUrl: string, sids: string[]): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query<{ count: string }>(
      `SELECT count(*) FROM "Message" WHERE "messageSid" = ANY($1)`,
      [sids],
    );
    return Number(result.rows[0]?.count ?? 0);
  } finally {
    await client.end();
  }
}

async function sendText(context: BenchContext, from: string, body: string) {
  const messageSid = fakeSid("SM");
  const result = await context.postTwilio("/api/twilio/sms", {
    AccountSid: context.accountSid,
    ApiVersion: "2010-04-01",
    MessageSid: messageSid,
    SmsSid: messageSid,
    From: from,
    To: context.twilioNumber,
    Body: body,
    NumMedia: "0",
  });
  return { ...result, messageSid };
}

/**
 * Waits until the fake Twilio has received nothing new for 2 s past the AI's window (the previous phase's AI replies
 * are out). Returns when the last of them arrived, in ms from the call, or null when `maxMs` passed first.
 */
async function waitForQuiet(context: BenchContext, maxMs: number): Promise<number | null> {
  const started = performance.now();
  let last = context.twilioFake.messages.length;
  let quietSince = started;
  while (performance.now() < started + maxMs) {
    await sleep(200);
    const now = context.twilioFake.messages.length;
    if (now !== last) {
      last = now;
      quietSince = performance.now();
    } else if (performance.now() - quietSince > 2_000 + context.engageDelaySeconds * 1000) {
      return quietSince - started;
    }
  }
  return null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const round = (value: number) => Math.round(value * 10) / 10;
