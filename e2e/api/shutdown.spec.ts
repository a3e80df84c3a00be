// SIGTERM, as a deploy sends it: the server stops taking work, closes open live streams with a retry hint, lets
// the worker finish the SMS it is sending, then closes the database, in that order; it exits within 5 s when idle
// and within 15 s with a send in flight. These are correctness bounds (a platform kills after its grace period),
// not benchmarks: the bench measures the exit time. Needs `npm run build`.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { signIn } from "../../bench/lib/sign-in";
import { callerNumber, dialActionUrl, fakeSid } from "../../bench/lib/twilio-request";
import { startTwilioFake, type TwilioFake } from "../../test/fakes/twilio-fake";
import { createTwilioRelay } from "../support/twilio-relay";

test.describe.configure({ mode: "serial", timeout: 180_000 });

const PORT = Number(process.env.E2E_PORT ?? 3210) + 15;
const baseUrl = `http://127.0.0.1:${PORT}`;
const accountSid = `AC${randomBytes(16).toString("hex")}`;
const authToken = randomBytes(16).toString("hex");
const owner = { email: "shutdown@example.com", password: "ringback-shutdown" };
const twilioNumber = "+15005550006";

type Started = { child: ChildProcess; logFile: string };

async function startServer(fake: TwilioFake): Promise<Started> {
  const logFile = path.join(os.tmpdir(), `ringback-e2e-shutdown-${Date.now()}.log`);
  const log = fs.openSync(logFile, "w");
  const child = spawn("npm", ["start"], {
    detached: true,
    stdio: ["ignore", log, log],
    env: {
      ...process.env,
      PORT: String(PORT),
      DATABASE_URL: "",
      DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "ringback-shutdown-")),
      PUBLIC_BASE_URL: baseUrl,
      AUTH_SECRET: "shutdown-e2e-secret-0123456789abcdefgh",
      TWILIO_ACCOUNT_SID: accountSid,
      TWILIO_AUTH_TOKEN: authToken,
      TWILIO_API_BASE_URL: fake.url,
      OPENAI_API_KEY: "",
      BOOTSTRAP_TWILIO_NUMBER: twilioNumber,
      BOOTSTRAP_OWNER_EMAIL: owner.email,
      BOOTSTRAP_OWNER_PASSWORD: owner.password,
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "info",
    },
  });
  fs.closeSync(log);
  await expect
    .poll(async () => (await fetch(`${baseUrl}/api/health`).catch(() => null))?.status ?? 0, { timeout: 120_000 })
    .toBe(200);
  return { child, logFile };
}

const isGroupAlive = (pgid: number) => {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
};

/** SIGTERM to the whole process group (npm, tsx and node), as a container runtime does; ms until none is left. */
async function terminate({ child }: Started): Promise<number> {
  const startedAt = Date.now();
  process.kill(-child.pid!, "SIGTERM");
  while (isGroupAlive(child.pid!) && Date.now() - startedAt < 30_000) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return Date.now() - startedAt;
}

/** The shutdown log lines, in the order of their times (the file may interleave buffered writes). */
function shutdownSteps(logFile: string): { msg: string; time: number; streams?: number }[] {
  return fs
    .readFileSync(logFile, "utf8")
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as { msg: string; time: number; streams?: number })
    .filter((line) => line.msg.startsWith("shutdown:"))
    .sort((first, second) => first.time - second.time);
}

const ORDER = [
  "shutdown: no new work",
  "shutdown: live streams closed",
  "shutdown: requests drained",
  "shutdown: worker drained",
  "shutdown: database closed, exiting",
];

let fake: TwilioFake;

test.beforeAll(async () => {
  fake = await startTwilioFake({ accountSid, authToken });
});

test.afterAll(async () => {
  await fake?.close();
});

test("idle: exits within 5 s, in order", async () => {
  test.setTimeout(180_000);
  const server = await startServer(fake);
  const ms = await terminate(server);
  expect(ms, `an idle server took ${ms} ms to exit`).toBeLessThan(5_000);
  expect(shutdownSteps(server.logFile).map((step) => step.msg)).toEqual(ORDER);
});

test("with a live stream open and an SMS send in flight: the stream gets a retry hint, the send finishes, exit within 15 s", async () => {
  test.setTimeout(180_000);
  const server = await startServer(fake);
  const cookie = await signIn(baseUrl, owner);
  const relay = createTwilioRelay({ publicBaseUrl: baseUrl, authToken });

  // An open live stream (the inbox), read as text.
  const stream = await fetch(`${baseUrl}/api/events`, { headers: { cookie, accept: "text/event-stream" } });
  expect(stream.status).toBe(200);
  let received = "";
  const streamEnded = (async () => {
    const decoder = new TextDecoder();
    const reader = stream.body!.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      received += decoder.decode(chunk.value, { stream: true });
    }
  })();
  await expect.poll(() => received).toContain("ready");

  // A missed call whose auto-SMS Twilio holds for 6 s: the send is in flight when SIGTERM arrives.
  fake.setCreateDelay(6_000);
  const requestsBefore = fake.createRequests;
  const caller = callerNumber(Date.now() % 100_000, 1);
  const callSid = fakeSid("CA");
  const voice = await relay(baseUrl, "/api/twilio/voice", { CallSid: callSid, From: caller, To: twilioNumber });
  const action = dialActionUrl(voice.body)!;
  const dial = await relay(baseUrl, action, {
    CallSid: callSid,
    From: caller,
    To: twilioNumber,
    DialCallStatus: "no-answer",
  });
  expect(dial.status).toBe(200);
  await expect.poll(() => fake.createRequests, { timeout: 30_000 }).toBeGreaterThan(requestsBefore);

  const ms = await terminate(server);
  await streamEnded;
  fake.setCreateDelay(0);
  expect(ms, `with work in flight the server took ${ms} ms to exit`).toBeLessThan(15_000);
  expect(received).toMatch(/retry: 1000\n\n$/);
  const sms = fake.messages.filter((message) => message.to === caller);
  expect(sms, "the in-flight send finished before the exit").toHaveLength(1);

  const steps = shutdownSteps(server.logFile);
  expect(steps.map((step) => step.msg)).toEqual(ORDER);
  expect(steps[1]!.streams).toBeGreaterThanOrEqual(1);
  const workerDrained = steps.find((step) => step.msg === "shutdown: worker drained")!.time;
  expect(sms[0]!.dateCreated.getTime(), "the worker drained only after the send finished").toBeLessThanOrEqual(
    workerDrained,
  );
});
