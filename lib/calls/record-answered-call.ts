// An answered call: the professional talked to the customer; nothing is texted, the log says so.
import type { LockedCall } from "@/lib/calls/lock-call";
import type { Tx } from "@/lib/db/kysely";
import type { Outbox } from "@/lib/db/run-transaction";
import { toE164 } from "@/lib/telephony/phone";

/** Inside the Dial action's unit of work, with the call's row locked. */
export async function recordAnsweredCallInTx(
  tx: Tx,
  outbox: Outbox,
  call: LockedCall,
  input: { callSid: string; from: string; dialStatus: string; dialDurationSec?: number },
) {
  if (call.isMissed !== null) return; // a repeated Dial action changes nothing
  const phone = toE164(input.from);
  const lead = phone
    ? await tx
        .selectFrom("Lead")
        .select("id")
        .where("businessId", "=", call.businessId)
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
    { businessId: call.businessId, leadId: lead?.id, callId: call.id, actor: { kind: "twilio" } },
  );
}
