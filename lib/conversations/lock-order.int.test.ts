// One lock order for a conversation (Lead, then Thread): the SMS webhook and the inbound-message job, run at the
// same moment on the same customer with the deadlock retry switched off, both finish. The test lines them up so that
// the old order (the job locking the Thread first) deadlocks every time: a third transaction holds the Lead while
// the webhook and then the job queue up behind it, and lets go once both wait.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { processInboundMessage } from "@/lib/conversations/process-inbound-message";
import { receiveInboundMessage } from "@/lib/conversations/receive-inbound-message";
import { db } from "@/lib/db/client";
import { runTransaction, transactionDefaults } from "@/lib/db/run-transaction";
import { stopBoss } from "@/lib/jobs/boss";
import { createTestBusiness, randomPhone } from "@/test/helpers/business";
import { messageSid } from "@/test/helpers/inbound-sms";
import { waitFor } from "@/test/helpers/wait";

const waitingOnLocks = async () => {
  const [row] = await db.$queryRaw<{ count: bigint }[]>`
    SELECT count(*) AS count FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
  return Number(row!.count);
};

// The embedded database runs one transaction at a time: nothing can interleave there.
describe.skipIf(inject("databaseKind") !== "server")("conversation lock order", () => {
  beforeAll(() => {
    transactionDefaults.attempts = 1;
  });
  afterAll(async () => {
    transactionDefaults.attempts = 4;
    await stopBoss();
  });

  it("the SMS webhook and the inbound job on one conversation never deadlock", async () => {
    const { business, twilioNumber } = await createTestBusiness();
    const customer = randomPhone();
    const first = await receiveInboundMessage({
      messageSid: messageSid(),
      from: customer,
      to: twilioNumber,
      body: "STOP",
    });
    if (first.outcome !== "stored") throw new Error("the first text was not stored");
    const lead = await db.lead.findFirstOrThrow({ where: { businessId: business.id, phone: customer } });

    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let isHolding = false;
    const holder = runTransaction(
      async (tx) => {
        await sql`SELECT id FROM "Lead" WHERE id = ${lead.id} FOR UPDATE`.execute(tx);
        isHolding = true;
        await released;
      },
      { jobs: false },
    );
    await waitFor(() => isHolding);
    const baseline = await waitingOnLocks();
    // The webhook queues first for the Lead, then the job: with the job holding the Thread, that order deadlocks.
    const webhook = receiveInboundMessage({
      messageSid: messageSid(),
      from: customer,
      to: twilioNumber,
      body: "hello?",
    });
    await waitFor(async () => (await waitingOnLocks()) >= baseline + 1);
    const job = processInboundMessage({ messageId: first.messageId });
    await waitFor(async () => (await waitingOnLocks()) >= baseline + 2);
    release();
    await holder;

    const [stored] = await Promise.all([webhook, job]);
    expect(stored.outcome).toBe("stored");
    expect((await db.lead.findUniqueOrThrow({ where: { id: lead.id } })).isOptedOut).toBe(true);
    expect((await db.message.findUniqueOrThrow({ where: { id: first.messageId } })).processedAt).not.toBeNull();
  });
});
