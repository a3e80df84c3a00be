// Live events: S signed-in SSE clients on /api/events; the time from a customer's SMS webhook being sent to its
// `message.received` reaching each client (p50/p95 over every client × event), and the takeover request latency
// while an AI reply is being generated (the fake model holds its answer), which must also abandon that reply.
import type { BenchContext, ScenarioResult } from "../lib/context";
import { connectSse, type SseClient, type SseEvent } from "../lib/sse-client";
import { summarizeLatencies } from "../lib/stats";
import { streamCookie, teamCookies } from "../lib/team";
import { watchMessages } from "../lib/twilio-fake";
import { callerNumber, fakeSid } from "../lib/twilio-request";

export const description =
  "SSE fan-out to 50 clients of 10 people (webhook → event) and takeover latency mid-generation";

type Received = { event: SseEvent; at: number };

export async function run(context: BenchContext): Promise<ScenarioResult> {
  const clientCount = context.options.c ?? 50;
  const webhookCount = context.options.n ?? (context.options.isQuick ? 10 : 150);
  const takeoverCount = context.options.isQuick ? 2 : 12;
  // The clients are a team's: 50 are 10 people with 5 streams each.
  const cookies = await teamCookies(context, clientCount, "live");
  const cookie = cookies[0]!; // the owner's: the takeovers below
  const inboxes: Received[][] = Array.from({ length: clientCount }, () => []);
  const clients: SseClient[] = inboxes.map((inbox, index) =>
    connectSse(`${context.baseUrl}/api/events`, streamCookie(cookies, index), (event, at) => inbox.push({ event, at })),
  );
  const watcher = watchMessages(context.twilioFake);
  const failures: string[] = [];
  try {
    await Promise.all(clients.map((client) => client.ready));
    context.log(`${clientCount} SSE clients connected`);

    // 1. Webhook → event at every client. One webhook at a time (every 100 ms at most), so each event is unambiguous.
    const latencies: number[] = [];
    let missedDeliveries = 0;
    let webhooksMissedByAll = 0;
    const clientsThatMissed = new Set<number>();
    for (let index = 0; index < webhookCount; index++) {
      const marks = inboxes.map((inbox) => inbox.length);
      const sentAt = performance.now();
      const result = await sendText(context, callerNumber(context.runId, 3_000_000 + index), "Is anyone there?");
      if (result.status !== 200) failures.push(`sms webhook ${result.status}`);
      const deadline = performance.now() + 15_000;
      const arrivals = () =>
        inboxes.map((inbox, client) =>
          inbox.slice(marks[client]).find((item) => item.event.type === "message.received"),
        );
      while (arrivals().some((arrival) => !arrival) && performance.now() < deadline) await sleep(2);
      const found = arrivals();
      found.forEach((arrival, client) => {
        if (arrival) latencies.push(arrival.at - sentAt);
        else {
          missedDeliveries += 1;
          clientsThatMissed.add(client);
        }
      });
      if (found.every((arrival) => !arrival)) webhooksMissedByAll += 1;
      await sleep(Math.max(0, 100 - (performance.now() - sentAt)));
    }
    const eventLatency = summarizeLatencies(latencies);
    context.log(`event p95 ${eventLatency.p95} ms; letting the AI turns of those threads finish`);
    await sleep(context.engageDelaySeconds * 1000 + 3_000);

    // 2. Takeover while the AI generates: the model holds its answer for 3 s; take over once the AI claimed the turn.
    const takeoverLatencies: number[] = [];
    let leakedReplies = 0;
    const inbox = inboxes[0]!;
    for (let index = 0; index < takeoverCount; index++) {
      const from = callerNumber(context.runId, 3_500_000 + index);
      context.openAiFake.enqueue({ text: "Thanks! What's the address where you need the work done?", delayMs: 3_000 });
      const mark = inbox.length;
      const result = await sendText(context, from, "My boiler stopped working");
      if (result.status !== 200) failures.push(`sms webhook ${result.status}`);
      const threadId = await waitFor(inbox, mark, (event) => event.type === "message.received", 5_000).then(
        (event) => event?.threadId,
      );
      const generating = threadId
        ? await waitFor(
            inbox,
            mark,
            (event) => event.type === "thread.mode_changed" && event.threadId === threadId,
            10_000,
          )
        : undefined;
      if (!threadId || !generating) {
        failures.push("the AI turn never started");
        continue;
      }
      const started = performance.now();
      const response = await fetch(`${context.baseUrl}/api/threads/${threadId}/takeover`, {
        method: "POST",
        headers: { cookie },
      });
      takeoverLatencies.push(performance.now() - started);
      if (!response.ok) failures.push(`takeover ${response.status}`);
      await response.arrayBuffer();
      await sleep(3_500); // the model's answer arrives; the abandoned reply must not be sent
      if (watcher.arrivals(from).length > 0) leakedReplies += 1;
    }
    const takeover = summarizeLatencies(takeoverLatencies);
    return {
      summary: {
        "SSE clients": clientCount,
        webhooks: webhookCount,
        "event p50 ms": eventLatency.p50,
        "event p95 ms": eventLatency.p95,
        "event p99 ms": eventLatency.p99,
        takeovers: takeoverLatencies.length,
        "takeover p50 ms": takeover.p50,
        "takeover p95 ms": takeover.p95,
        "goal event p95 < 250 ms": eventLatency.p95 < 250 && missedDeliveries === 0 ? "met" : "unmet",
        "goal takeover p95 < 100 ms": takeover.p95 < 100 && leakedReplies === 0 ? "met" : "unmet",
      },
      mustBeZero: {
        "live events that missed a client": missedDeliveries,
        "replies sent after takeover": leakedReplies,
        errors: failures.length,
      },
      sseClients: clientCount,
      webhooks: webhookCount,
      eventLatencyMs: eventLatency,
      eventLatencyDefinition:
        "SMS webhook sent → `message.received` frame read by the client, over every client × webhook",
      missedDeliveries,
      webhooksMissedByEveryClient: webhooksMissedByAll,
      clientsThatMissedAny: clientsThatMissed.size,
      takeoverLatencyMs: takeover,
      takeoverDefinition:
        "POST /api/threads/{id}/takeover while the AI's generation is in flight (model answer held 3 s)",
      repliesSentAfterTakeover: leakedReplies,
      errors: failures.length,
      errorSamples: [...new Set(failures)].slice(0, 5),
    };
  } finally {
    watcher.stop();
    for (const client of clients) client.close();
  }
}

async function waitFor(inbox: Received[], from: number, match: (event: SseEvent) => boolean, maxMs: number) {
  const deadline = performance.now() + maxMs;
  while (performance.now() < deadline) {
    const found = inbox.slice(from).find((item) => match(item.event));
    if (found) return found.event;
    await sleep(5);
  }
  return undefined;
}

function sendText(context: BenchContext, from: string, body: string) {
  return context.postTwilio("/api/twilio/sms", {
    AccountSid: context.accountSid,
    ApiVersion: "2010-04-01",
    MessageSid: fakeSid("SM"),
    From: from,
    To: context.twilioNumber,
    Body: body,
    NumMedia: "0",
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
