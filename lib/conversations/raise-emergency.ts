// An emergency in a conversation, however it was recognised (the deterministic check on every inbound text as it
// arrives, or the model's flag_emergency tool later): the lead becomes an emergency, the team gets ONE urgent alert
// per thread (push now, escalation by SMS or call if nobody opens it), and the customer gets the fixed safety advice
// once per thread when the business keeps it on. The advice is a system message, not an AI reply: it does not count
// as the AI engaging, so the human-priority window still stands.
import { sql } from "kysely";
import type { Tx } from "@/lib/db/kysely";
import type { Outbox } from "@/lib/db/run-transaction";
import type { Actor } from "@/lib/events/catalogue";
import { notifyMembersInTx } from "@/lib/notifications/notify-members";
import { customerLabel, shortPreview } from "@/lib/conversations/customer-label";
import { queueOutgoingMessageInTx } from "@/lib/conversations/queue-outgoing-message";
import { customerTexts } from "@/lib/language/customer-texts";
import type { ReplyLanguage } from "@/lib/language/languages";

export type RaiseEmergencyInput = {
  businessId: string;
  businessName: string;
  threadId: string;
  lead: { id: string; name: string | null; phone: string; isOptedOut: boolean };
  /** what the team is told */
  reason: string;
  /** the fixed advice for the customer, in their language; null = none to send (the model writes its own) */
  advice: { text: string; language: ReplyLanguage } | null;
  source: "receipt" | "ai_tool";
  actor: Actor;
};

export async function raiseEmergencyInTx(
  tx: Tx,
  outbox: Outbox,
  input: RaiseEmergencyInput,
): Promise<{ isNewAlert: boolean; adviceMessageId: string | null }> {
  const { businessId, threadId, lead } = input;
  const now = new Date();
  // One statement: the lead marked, and whether this thread already had its alert and its advice.
  const { rows } = await sql<{ isAlerted: boolean; isAdvised: boolean }>`
    UPDATE "Lead" SET urgency = 'emergency', "updatedAt" = ${now} WHERE id = ${lead.id}
    RETURNING
      EXISTS (SELECT 1 FROM "Notification" n WHERE n."threadId" = ${threadId} AND n.kind = 'emergency') AS "isAlerted",
      EXISTS (SELECT 1 FROM "Message" m WHERE m."threadId" = ${threadId} AND m.purpose = 'safety_advice') AS "isAdvised"`.execute(
    tx,
  );
  const { isAlerted = false, isAdvised = false } = rows[0] ?? {};
  if (!isAlerted) {
    await notifyMembersInTx(tx, outbox, {
      businessId,
      threadId,
      kind: "emergency",
      title: `Emergency: ${customerLabel(lead)}`,
      body: shortPreview(input.reason),
      isUrgent: true,
    });
  }
  let adviceMessageId: string | null = null;
  if (input.advice && !isAdvised && !lead.isOptedOut) {
    const message = await queueOutgoingMessageInTx(tx, outbox, {
      businessId,
      threadId,
      body: customerTexts[input.advice.language].safetyAdvice(input.advice.text, input.businessName),
      purpose: "safety_advice",
      authorKind: "system",
      lead,
    });
    adviceMessageId = message.id;
  }
  outbox.record(
    "lead.emergency",
    { reason: input.reason, source: input.source, isNewAlert: !isAlerted, adviceMessageId },
    { businessId, threadId, leadId: lead.id, actor: input.actor },
  );
  return { isNewAlert: !isAlerted, adviceMessageId };
}
