// An answered call: the professional talked to the customer; nothing is texted, the log says so.
import { lockCallInTx } from "@/lib/calls/lock-call";
import { runTransaction } from "@/lib/db/run-transaction";
import { toE164 } from "@/lib/telephony/phone";

export async function recordAnsweredCall(input: {
  businessId: string;
  callSid: string;
  from: string;
  to: string;
  dialStatus: string;
  dialDurationSec?: number;
}) {
  await runTransaction(async (tx, outbox) => {
    const call = await lockCallInTx(tx, input);
    if (call.isMissed !== null) return; // a repeated Dial action changes nothing
    const phone = toE164(input.from);
    const lead = phone
      ? await tx
          .selectFrom("Lead")
          .select("id")
          .where("businessId", "=", input.businessId)
          .where("phone", "=", phone)
          .executeTakeFirst()
      : undefined;
    await tx
      .updateTable("Call")
      .set({
        status: "answered",
        isMissed: false,
        dialStatus: input.dialStatus,
        dialDurationSec: input.dialDurationSec ?? null,
        leadId: lead?.id ?? null,
        updatedAt: new Date(),
      })
      .where("id", "=", call.id)
      .execute();
    outbox.record(
      "call.answered",
      { callSid: input.callSid, dialDurationSec: input.dialDurationSec ?? null },
      { businessId: input.businessId, leadId: lead?.id, callId: call.id, actor: { kind: "twilio" } },
    );
  });
}
