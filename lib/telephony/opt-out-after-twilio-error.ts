// Twilio error 21610 ("unsubscribed recipient": the number texted STOP to the carrier) opts the number out for
// this business, like a STOP keyword: recorded as a ConsentChange with source twilio_error.
import { newId } from "@/lib/db/new-id";
import type { Tx } from "@/lib/db/kysely";
import type { Outbox } from "@/lib/db/run-transaction";

export const UNSUBSCRIBED_RECIPIENT = 21610;

/** Records the opt-out in the caller's unit of work; does nothing when the number was already opted out. */
export async function optOutAfterTwilioError(
  tx: Tx,
  outbox: Outbox,
  { businessId, phone, messageSid }: { businessId: string; phone: string; messageSid?: string | null },
): Promise<void> {
  const lead = await tx
    .selectFrom("Lead")
    .select(["id", "isOptedOut"])
    .where("businessId", "=", businessId)
    .where("phone", "=", phone)
    .forUpdate()
    .executeTakeFirst();
  if (lead) {
    if (lead.isOptedOut) return;
    await tx
      .updateTable("Lead")
      .set({ isOptedOut: true, optedOutAt: new Date(), updatedAt: new Date() })
      .where("id", "=", lead.id)
      .execute();
  }
  await tx
    .insertInto("ConsentChange")
    .values({
      id: newId(),
      businessId,
      leadId: lead?.id ?? null,
      phone,
      action: "opt_out",
      source: "twilio_error",
      messageSid: messageSid ?? null,
    })
    .execute();
  const thread = lead
    ? await tx
        .selectFrom("Thread")
        .select("id")
        .where("businessId", "=", businessId)
        .where("leadId", "=", lead.id)
        .orderBy("createdAt", "desc")
        .limit(1)
        .executeTakeFirst()
    : undefined;
  outbox.record(
    "consent.opted_out",
    { source: "twilio_error", errorCode: UNSUBSCRIBED_RECIPIENT, messageSid: messageSid ?? null },
    { businessId, threadId: thread?.id, leadId: lead?.id, actor: { kind: "twilio" } },
  );
}
