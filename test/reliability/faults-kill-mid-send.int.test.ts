// Faults: the worker process is killed (SIGKILL) while Twilio is accepting its message. Twilio has the message, we
// never heard back. After the restart the message is sent exactly once: the new attempt asks Twilio first and adopts
// the message it already has instead of sending a second copy.
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { POST as messageStatus } from "@/app/api/twilio/message-status/route";
import { POST as voice } from "@/app/api/twilio/voice/route";
import { db } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { stopBoss } from "@/lib/jobs/boss";
import { startWorker } from "@/lib/jobs/worker";
import { sweepOutboxJob } from "@/lib/telephony/sweep-outbox-job";
import { startTwilioFake, type TwilioFake } from "@/test/fakes/twilio-fake";
import { createTestBusiness, randomPhone } from "@/test/helpers/business";
import { callSid, signedTwilioRequest } from "@/test/helpers/twilio";
import { waitFor } from "@/test/helpers/wait";

const accountSid = `AC${"f".repeat(32)}`;
const authToken = "kill-mid-send-token-0123456789";
let fake: TwilioFake;
let child: ChildProcess | undefined;

beforeAll(async () => {
  fake = await startTwilioFake({ accountSid, authToken, dispatchCallback: (request) => messageStatus(request) });
  process.env.TWILIO_ACCOUNT_SID = accountSid;
  process.env.TWILIO_AUTH_TOKEN = authToken;
  process.env.TWILIO_API_BASE_URL = fake.url;
  resetEnvForTests();
});

afterAll(async () => {
  child?.kill("SIGKILL");
  await stopBoss();
  await fake.close();
});

function startWorkerProcess(): Promise<ChildProcess> {
  const worker = fork(path.resolve("test/reliability/support/worker-process.ts"), [], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, DATABASE_URL: inject("databaseUrl"), LOG_LEVEL: "silent" },
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    worker.once("message", () => resolve(worker));
    worker.once("exit", (code) => reject(new Error(`worker exited early (${code})`)));
  });
}

describe("a worker killed mid-send", () => {
  it("after the restart the message goes out exactly once", async () => {
    const { twilioNumber } = await createTestBusiness({ routingMode: "forwarded" });
    const caller = randomPhone();
    const sid = callSid();
    const answer = await voice(
      await signedTwilioRequest("/api/twilio/voice", { CallSid: sid, From: caller, To: twilioNumber }),
    );
    expect(answer.status).toBe(200);
    const messageId = (await db.call.findUniqueOrThrow({ where: { callSid: sid } })).autoReplyMessageId!;

    fake.holdResponses(60_000); // Twilio takes the message; its answer never reaches the doomed worker
    child = await startWorkerProcess();
    await waitFor(() => fake.messages.some((message) => message.to === caller), { timeoutMs: 20_000 });
    child.kill("SIGKILL");
    await new Promise((resolve) => child!.once("exit", resolve));
    fake.holdResponses(0);

    const orphan = await db.message.findUniqueOrThrow({ where: { id: messageId } });
    expect(orphan).toMatchObject({ status: "sending", messageSid: null });
    const createsBefore = fake.createRequests;

    // Time passes: the attempt is stale (claim-message's STALE_SENDING_MS), and the minute's sweep finds it.
    await db.message.update({ where: { id: messageId }, data: { sendStartedAt: new Date(Date.now() - 5 * 60_000) } });
    await startWorker({ pollingIntervalSeconds: 0.5 });
    await sweepOutboxJob();
    const sent = await waitFor(
      async () => {
        const message = await db.message.findUniqueOrThrow({ where: { id: messageId } });
        return message.status === "sent" || message.status === "delivered" ? message : null;
      },
      { timeoutMs: 20_000 },
    );
    const atTwilio = fake.messages.filter((message) => message.to === caller);
    expect(atTwilio).toHaveLength(1);
    expect(sent.messageSid).toBe(atTwilio[0]!.sid);
    expect(fake.createRequests).toBe(createsBefore); // adopted, not re-sent
  }, 60_000);
});
