// The number's call-status callback: Twilio reports how the caller's call ended. The Call keeps its final status
// (a terminal status never goes back to an earlier one); a call we never saw start is logged for reconciliation.
import { db } from "@/lib/db/client";
import { logger, maskPhone } from "@/lib/log";

const TERMINAL = ["completed", "busy", "failed", "no-answer", "canceled"];

export async function recordCallStatus({ callSid, status, from }: { callSid: string; status: string; from: string }) {
  const isTerminal = TERMINAL.includes(status);
  const changed = await db.call.updateMany({
    where: { callSid, status: { notIn: TERMINAL } },
    data: { status },
  });
  if (changed.count > 0 || !isTerminal) return;
  if (await db.call.findUnique({ where: { callSid }, select: { id: true } })) return;
  logger.warn({ callSid, from: maskPhone(from), status }, "a call ended that Ringback never saw start");
}
