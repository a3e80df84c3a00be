// Disclosure: the first AI-written message of a thread says it is the business's virtual assistant, exactly once
// per thread, in the customer's language (the scripted assistant here; the model's replies pass the same place).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { stopBoss } from "@/lib/jobs/boss";
import { startWorker } from "@/lib/jobs/worker";
import { createTestBusiness, randomPhone } from "@/test/helpers/business";
import { aiReplies, postInboundSms, threadOf } from "@/test/helpers/inbound-sms";
import { waitFor } from "@/test/helpers/wait";

beforeAll(async () => {
  delete process.env.OPENAI_API_KEY;
  resetEnvForTests();
  await startWorker({ pollingIntervalSeconds: 0.5 });
});
afterAll(async () => stopBoss());

const patiently = { timeoutMs: 45_000 };

async function conversation(overrides: Parameters<typeof createTestBusiness>[0] = {}) {
  const test = await createTestBusiness({ aiEngageDelaySeconds: 0, ...overrides });
  const customer = randomPhone();
  const say = async (body: string, replies: number) => {
    await postInboundSms({ from: customer, to: test.twilioNumber, body });
    const thread = await waitFor(() => threadOf({ businessId: test.business.id, phone: customer }), patiently);
    return waitFor(async () => {
      const sent = await aiReplies(thread.id);
      return sent.length >= replies ? sent : null;
    }, patiently);
  };
  return { say };
}

const count = (bodies: string[], words: string) => bodies.filter((body) => body.includes(words)).length;

describe("AI disclosure", () => {
  it("appears exactly once per thread, in the first AI message", async () => {
    const { say } = await conversation();
    await say("My kitchen sink is leaking", 1);
    await say("12 Elm Street, Springfield", 2);
    const replies = (await say("No rush", 3)).map((reply) => reply.body);
    expect(replies[0]).toMatch(/^Hi, this is Test Plumbing Co's virtual assistant\. /);
    expect(count(replies, "virtual assistant")).toBe(1);
  });

  it("in Spanish for a Spanish speaker; the owner's own wording; none when switched off", async () => {
    const spanish = await conversation();
    const [first] = await spanish.say("Hola, mi calentador de agua está goteando", 1);
    expect(first!.body).toMatch(/^Hola, le escribe el asistente virtual de Test Plumbing Co\. /);

    const worded = await conversation({ aiDisclosureText: "This is {business}'s automated helper." });
    const [custom] = await worded.say("Dripping faucet in the bathroom", 1);
    expect(custom!.body).toMatch(/^This is Test Plumbing Co's automated helper\. /);

    const off = await conversation({ aiDisclosure: false });
    const replies = (await off.say("Dripping faucet in the bathroom", 1)).map((reply) => reply.body);
    expect(count(replies, "virtual assistant")).toBe(0);
  });
});
