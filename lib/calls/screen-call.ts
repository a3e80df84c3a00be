// The whisper screen on the professional's leg: "Call for Acme Plumbing — press 1 to take it". Voicemail cannot
// press 1, so a call without the key press counts as missed (the Dial action reads Call.screenedAt).
import { db } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import type { TwilioWebhookAnswer } from "@/lib/telephony/plain-webhook";
import { callbackUrl, emptyTwiml, twimlAnswer, voiceResponse } from "@/lib/telephony/twiml";

export async function whisperPrompt({ parentCallSid }: { parentCallSid: string }): Promise<TwilioWebhookAnswer> {
  const call = await db.call.findUnique({
    where: { callSid: parentCallSid },
    select: { business: { select: { name: true } } },
  });
  const response = voiceResponse();
  if (!call) {
    response.hangup();
    return twimlAnswer(response);
  }
  const gather = response.gather({
    numDigits: 1,
    timeout: 6,
    action: callbackUrl("whisper-result", { parentCallSid }),
    method: "POST",
  });
  gather.say(`Call for ${call.business.name}. Press 1 to take it.`);
  response.hangup();
  return twimlAnswer(response);
}

export async function whisperResult({
  parentCallSid,
  digits,
}: {
  parentCallSid: string;
  digits: string;
}): Promise<TwilioWebhookAnswer> {
  if (digits.trim() !== "1") {
    const response = voiceResponse();
    response.hangup();
    return twimlAnswer(response);
  }
  // The mark goes on the call itself; only the first key press records it (a repeated webhook changes nothing).
  const screened = await runTransaction(
    async (tx, outbox) => {
      const call = await tx
        .updateTable("Call")
        .set({ screenedAt: new Date(), updatedAt: new Date() })
        .where("callSid", "=", parentCallSid)
        .where("screenedAt", "is", null)
        .returning(["id", "businessId"])
        .executeTakeFirst();
      if (call) {
        outbox.record(
          "call.screened",
          { callSid: parentCallSid },
          { businessId: call.businessId, callId: call.id, actor: { kind: "user" } },
        );
      }
      return call ?? (await tx.selectFrom("Call").select("id").where("callSid", "=", parentCallSid).executeTakeFirst());
    },
    { jobs: false },
  );
  if (!screened) {
    const response = voiceResponse();
    response.hangup();
    return twimlAnswer(response);
  }
  return emptyTwiml(); // an empty answer bridges the two legs
}
