// Faults: an app instance is killed (SIGKILL), at the two places that matter for a missed call's text:
//   1. while its send to Twilio is in flight: Twilio has the message, the instance never heard back;
//   2. right after it answered the Dial action: the text and its job are committed, the send may not have started.
// After a restart, or with another instance alive, the text goes out exactly once (the new attempt asks Twilio
// first and adopts a message that already went out) and within 30 s: of the restart, or of the crash when another
// instance survives. 30 s is the promise with a wide margin (recovery takes about 13 s here, see
// lib/jobs/recovery-timing.ts); it bounds correctness, not speed. Runs on both databases (embedded and a server).
// The database is shared by every test file, and a fresh instance's outbox sweep sends what earlier files left
// queued or stale through this file's fake: Twilio requests are counted for this test's caller only.
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { POST as messageStatus } from "@/app/api/twilio/message-status/route";
import { POST as voice } from "@/app/api/twilio/voice/route";
import { db } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { stopBoss } from "@/lib/jobs/boss";
import { startWorker } from "@/lib/jobs/worker";
import { startTwilioFake, type TwilioFake } from "@/test/fakes/twilio-fake";
import { createTestBusiness, randomPhone } from "@/test/helpers/business";
import { callSid, signedTwilioRequest } from "@/test/helpers/twilio";
import { waitFor } from "@/test/helpers/wait";
import type { WebhookAnswer, WebhookRequest } from "@/test/reliability/support/worker-process";

/** The promise: a text left behind by a crash goes out within this of the restart (or of the crash). */
const RECOVERY_BOUND_MS = 30_000;

const accountSid = `AC${"f".repeat(32)}`;
const authToken = "kill-mid-send-token-0123456789";
let fake: TwilioFake;
const children = new Set<ChildProcess>();

beforeAll(async () => {
  fake = await startTwilioFake({ accountSid, authToken, dispatchCallback: (request) => messageStatus(request) });
  process.env.TWILIO_ACCOUNT_SID = accountSid;
  process.env.TWILIO_AUTH_TOKEN = authToken;
  process.env.TWILIO_API_BASE_URL = fake.url;
  resetEnvForTests();
});

afterEach(async () => {
  fake.holdResponses(0);
  fake.setCreateDelay(0);
  await Promise.all([...children].map((child) => stop(child, "SIGTERM")));
});

afterAll(async () => {
  await stopBoss();
  await fake.close();
});

/** A fresh app instance (its worker running); resolves once it is ready to work. */
function startInstance(): Promise<ChildProcess> {
  const child = fork(path.resolve("test/reliability/support/worker-process.ts"), [], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, DATABASE_URL: inject("databaseUrl"), LOG_LEVEL: "silent" },
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  children.add(child);
  child.once("exit", () => children.delete(child));
  return new Promise((resolve, reject) => {
    const onMessage = (message: unknown) => {
      if (message !== "ready") return;
      child.off("message", onMessage);
      resolve(child);
    };
    child.on("message", onMessage);
    child.once("exit", (code) => reject(new Error(`instance exited early (${code})`)));
  });
}

function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill(signal);
  return exited;
}

let nextRequestId = 1;
/** Hands the instance a signed Twilio webhook; resolves with its answer's status. */
function webhook(child: ChildProcess, route: WebhookRequest["route"], params: Record<string, string>) {
  const id = nextRequestId++;
  return new Promise<number>((resolve) => {
    const onMessage = (message: unknown) => {
      if ((message as WebhookAnswer)?.id !== id) return;
      child.off("message", onMessage);
      resolve((message as WebhookAnswer).status);
    };
    child.on("message", onMessage);
    child.send({ id, route, params } satisfies WebhookRequest);
  });
}

/** A call the business never answered, recorded through the voice webhook (calls arrive already missed). */
async function missedCallQueued() {
  const { twilioNumber } = await createTestBusiness({ routingMode: "forwarded" });
  const caller = randomPhone();
  const sid = callSid();
  const answer = await voice(
    await signedTwilioRequest("/api/twilio/voice", { CallSid: sid, From: caller, To: twilioNumber }),
  );
  expect(answer.status).toBe(200);
  const messageId = (await db.call.findUniqueOrThrow({ where: { callSid: sid } })).autoReplyMessageId!;
  return { caller, messageId };
}

/** Waits until the message is stored as accepted by Twilio; returns it and when that was seen. */
async function sentMessage(messageId: string) {
  const message = await waitFor(
    async () => {
      const row = await db.message.findUniqueOrThrow({ where: { id: messageId } });
      return row.status === "sent" || row.status === "delivered" ? row : null;
    },
    { timeoutMs: 2 * RECOVERY_BOUND_MS, intervalMs: 100 },
  );
  return { message, at: Date.now() };
}

/** Kill point 1: the instance is killed while Twilio holds its send's answer. */
async function killWhileSendInFlight(caller: string) {
  fake.holdResponses(120_000); // Twilio takes the message; its answer never reaches the doomed instance
  const doomed = await startInstance();
  await waitFor(() => fake.messages.some((message) => message.to === caller), { timeoutMs: 20_000 });
  await stop(doomed, "SIGKILL");
  fake.holdResponses(0);
}

describe("an instance killed while its send to Twilio is in flight", () => {
  it("after the restart the text goes out exactly once (adopted, not re-sent), within 30 s of the restart", async () => {
    const { caller, messageId } = await missedCallQueued();
    await killWhileSendInFlight(caller);
    const orphan = await db.message.findUniqueOrThrow({ where: { id: messageId } });
    expect(orphan).toMatchObject({ status: "sending", messageSid: null });
    const createsBefore = fake.createRequestsTo(caller);

    const forkedAt = Date.now();
    await startInstance();
    const restartedAt = Date.now(); // the restarted instance's worker is running
    const { message, at } = await sentMessage(messageId);
    const atTwilio = fake.messages.filter((sms) => sms.to === caller);
    expect(atTwilio).toHaveLength(1);
    expect(message.messageSid).toBe(atTwilio[0]!.sid);
    expect(fake.createRequestsTo(caller)).toBe(createsBefore); // adopted, not re-sent
    console.info(
      `kill point 1 (send in flight), boot ${restartedAt - forkedAt} ms, then → sent: ${at - restartedAt} ms`,
    );
    expect(at - restartedAt).toBeLessThan(RECOVERY_BOUND_MS);
  }, 240_000);
});

describe("an instance killed right after it answered the Dial action", () => {
  it("after the restart the text goes out exactly once, within 30 s of the restart", async () => {
    const { twilioNumber } = await createTestBusiness(); // ring first: the Dial action decides it was missed
    const caller = randomPhone();
    const sid = callSid();
    fake.setCreateDelay(1_000); // a send that started before the kill reaches Twilio after it
    const doomed = await startInstance();
    expect(await webhook(doomed, "voice", { CallSid: sid, From: caller, To: twilioNumber })).toBe(200);
    const params = { CallSid: sid, From: caller, To: twilioNumber, DialCallStatus: "no-answer", DialCallDuration: "0" };
    expect(await webhook(doomed, "dial-action", params)).toBe(200);
    await stop(doomed, "SIGKILL");
    fake.setCreateDelay(0);
    const messageId = (await db.call.findUniqueOrThrow({ where: { callSid: sid } })).autoReplyMessageId!;
    expect(messageId).toBeTruthy();

    const forkedAt = Date.now();
    await startInstance();
    const restartedAt = Date.now(); // the restarted instance's worker is running
    const { message, at } = await sentMessage(messageId);
    const atTwilio = fake.messages.filter((sms) => sms.to === caller);
    expect(atTwilio).toHaveLength(1);
    expect(message.messageSid).toBe(atTwilio[0]!.sid);
    console.info(
      `kill point 2 (after the Dial action), boot ${restartedAt - forkedAt} ms, then → sent: ${at - restartedAt} ms`,
    );
    expect(at - restartedAt).toBeLessThan(RECOVERY_BOUND_MS);
  }, 240_000);
});

describe("with another instance alive", () => {
  it("the survivor sends the text of the killed instance exactly once, within 30 s of the crash", async () => {
    const { caller, messageId } = await missedCallQueued();
    fake.holdResponses(120_000);
    const doomed = await startInstance();
    await waitFor(() => fake.messages.some((message) => message.to === caller), { timeoutMs: 20_000 });
    // The survivor (this process) is up while the doomed instance holds the send: it must leave it alone.
    await startWorker({ pollingIntervalSeconds: 0.5 });
    expect(await db.message.findUniqueOrThrow({ where: { id: messageId } })).toMatchObject({ status: "sending" });
    await stop(doomed, "SIGKILL");
    const crashedAt = Date.now();
    fake.holdResponses(0);
    const createsBefore = fake.createRequestsTo(caller);

    const { message, at } = await sentMessage(messageId);
    const atTwilio = fake.messages.filter((sms) => sms.to === caller);
    expect(atTwilio).toHaveLength(1);
    expect(message.messageSid).toBe(atTwilio[0]!.sid);
    expect(fake.createRequestsTo(caller)).toBe(createsBefore);
    console.info(`survivor: crash → sent: ${at - crashedAt} ms`);
    expect(at - crashedAt).toBeLessThan(RECOVERY_BOUND_MS);
  }, 240_000);
});
