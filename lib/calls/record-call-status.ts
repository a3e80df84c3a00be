// Twilio's call-status callbacks: the number's StatusCallback (how a caller's call ended) and the progress of a call
// Ringback placed (Call back: initiated, ringing, in-progress, then how it ended). They may come twice or out of
// order: a status only moves forward and a terminal one never goes back (a conditional UPDATE, so a repeat changes
// nothing). A placed call's progress becomes an event, so the thread view can follow it live; a call we never saw
// start is logged for reconciliation.
import { db } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import type { EventPayload } from "@/lib/events/catalogue";
import { logger, maskPhone } from "@/lib/log";

type CallStatus = EventPayload<"call.status">["status"];

const TERMINAL = ["completed", "busy", "failed", "no-answer", "canceled"];
const PROGRESS = ["queued", "initiated", "ringing", "in-progress"];

/** The statuses `status` may not replace: the terminal ones, and progress at or beyond its own. */
function notReplaceable(status: string): string[] {
  const step = PROGRESS.indexOf(status);
  return step === -1 ? TERMINAL : [...TERMINAL, ...PROGRESS.slice(step)];
}

export async function recordCallStatus({
  callSid,
  status,
  from,
}: {
  callSid: string;
  status: CallStatus;
  from: string;
}) {
  const isChanged = await runTransaction(
    async (tx, outbox) => {
      const call = await tx
        .updateTable("Call")
        .set({ status, updatedAt: new Date() })
        .where("callSid", "=", callSid)
        .where("status", "not in", notReplaceable(status))
        .returning(["id", "businessId", "threadId", "leadId", "direction"])
        .executeTakeFirst();
      if (!call) return false;
      if (call.direction === "outbound") {
        outbox.record(
          "call.status",
          { status },
          {
            businessId: call.businessId,
            threadId: call.threadId,
            leadId: call.leadId,
            callId: call.id,
            actor: { kind: "twilio" },
          },
        );
      }
      return true;
    },
    { jobs: false },
  );
  if (isChanged || !TERMINAL.includes(status)) return;
  if (await db.call.findUnique({ where: { callSid }, select: { id: true } })) return;
  logger.warn({ callSid, from: maskPhone(from), status }, "a call ended that Ringback never saw start");
}
