// An answered call: the professional talked to the customer; nothing is texted, the log says so.
import { lockCallInTx } from "@/lib/calls/lock-call";
import { db } from "@/lib/db/client";
import { publishRecordedEvents, recordEvent } from "@/lib/events/record-event";
import { toE164 } from "@/lib/telephony/phone";

export async function recordAnsweredCall(input: {
  businessId: string;
  callSid: string;
  from: string;
  to: string;
  dialStatus: string;
  dialDurationSec?: number;
}) {
  const events = await db.$transaction(async (tx) => {
    const call = await lockCallInTx(tx, input);
    if (call.isMissed !== null) return []; // a repeated Dial action changes nothing
    const phone = toE164(input.from);
    const lead = phone
      ? await tx.lead.findUnique({
          where: { businessId_phone: { businessId: input.businessId, phone } },
          select: { id: true },
        })
      : null;
    await tx.call.update({
      where: { id: call.id },
      data: {
        status: "answered",
        isMissed: false,
        dialStatus: input.dialStatus,
        dialDurationSec: input.dialDurationSec ?? null,
        leadId: lead?.id ?? null,
      },
    });
    return [
      await recordEvent(
        {
          businessId: input.businessId,
          leadId: lead?.id ?? null,
          callId: call.id,
          type: "call.answered",
          actor: { kind: "twilio" },
          payload: { callSid: input.callSid, dialDurationSec: input.dialDurationSec ?? null },
        },
        tx,
      ),
    ];
  });
  await publishRecordedEvents(events);
}
