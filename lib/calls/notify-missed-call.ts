// The push about a missed call says who and what: "Missed call from (415) 555-0100 — auto-text sent".
import type { Tx } from "@/lib/db/kysely";
import type { Outbox } from "@/lib/db/run-transaction";
import type { CallSkipReason } from "@/lib/db/generated/kysely-enums";
import { notifyMembersInTx } from "@/lib/notifications/notify-members";
import { formatPhone } from "@/lib/telephony/phone";

const skipText: Partial<Record<CallSkipReason, string>> = {
  opted_out: "they opted out of texts, no auto-text sent",
  anonymous: "caller ID hidden, no auto-text sent",
  invalid_number: "the number cannot be texted",
  too_old: "found too late for an auto-text; call them back",
};

export async function notifyMissedCallInTx(
  tx: Tx,
  outbox: Outbox,
  input: {
    businessId: string;
    threadId: string | null;
    phone: string | null;
    /** the lead's name, when known */
    leadName: string | null;
    skipReason: CallSkipReason | null;
    isRepeat: boolean;
  },
) {
  let who = input.phone ? formatPhone(input.phone) : "a hidden number";
  if (input.threadId && input.leadName) who = `${input.leadName} ${who}`;
  const title = input.isRepeat ? `${who} called again` : `Missed call from ${who}`;
  const body = input.isRepeat
    ? "Called again within the repeat window; no second auto-text."
    : (input.skipReason && skipText[input.skipReason]) || "Auto-text sent. Tap to take over.";
  await notifyMembersInTx(tx, outbox, {
    businessId: input.businessId,
    threadId: input.threadId,
    kind: input.isRepeat ? "called_again" : "missed_call",
    title,
    body,
    isUrgent: true,
  });
}
