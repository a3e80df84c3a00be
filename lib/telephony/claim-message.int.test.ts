// The claims of one fetched batch of send jobs go to PostgreSQL as one UPDATE, and still claim each message once:
// a message asked for twice in the batch is claimed by the first asker; the other finds it held.
import { afterAll, describe, expect, it } from "vitest";
import { POST as voice } from "@/app/api/twilio/voice/route";
import { db } from "@/lib/db/client";
import { stopBoss } from "@/lib/jobs/boss";
import { claimMessage } from "@/lib/telephony/claim-message";
import { createTestBusiness, randomPhone } from "@/test/helpers/business";
import { countStatements } from "@/test/helpers/count-statements";
import { callSid, signedTwilioRequest } from "@/test/helpers/twilio";

afterAll(async () => stopBoss());

/** A forwarded missed call: its auto-reply waits, queued (no worker runs in this file). */
async function queuedAutoReply() {
  const { twilioNumber } = await createTestBusiness({ routingMode: "forwarded" });
  const sid = callSid();
  const response = await voice(
    await signedTwilioRequest("/api/twilio/voice", { CallSid: sid, From: randomPhone(), To: twilioNumber }),
  );
  expect(response.status).toBe(200);
  return (await db.call.findUniqueOrThrow({ where: { callSid: sid } })).autoReplyMessageId!;
}

describe("claimMessage", () => {
  it("claims a batch in one statement, each message once", async () => {
    const [first, second, third] = [await queuedAutoReply(), await queuedAutoReply(), await queuedAutoReply()];
    const { result, statements } = await countStatements(() =>
      Promise.all([first, second, first, third].map((id) => claimMessage(id))),
    );
    const [claimedFirst, claimedSecond, askedAgain, claimedThird] = result;
    for (const [claimed, id] of [
      [claimedFirst, first],
      [claimedSecond, second],
      [claimedThird, third],
    ] as const) {
      expect(claimed && "message" in claimed ? claimed.message.id : null).toBe(id);
    }
    // The second ask for the same message finds it held by the first (its claim is fresh), not claimed again.
    expect(askedAgain).toMatchObject({ heldForMs: expect.any(Number) });
    expect((askedAgain as { heldForMs: number }).heldForMs).toBeGreaterThan(0);
    // One UPDATE for the four asks, and the one read that tells the held message's wait.
    expect(statements.filter((text) => /UPDATE "Message"/.test(text))).toHaveLength(1);
    expect(statements).toHaveLength(2);
    const messages = await db.message.findMany({ where: { id: { in: [first, second, third] } } });
    expect(messages.map((message) => [message.status, message.sendAttempts])).toEqual([
      ["sending", 1],
      ["sending", 1],
      ["sending", 1],
    ]);
  });
});
