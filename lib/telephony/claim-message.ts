// Exactly-once sending starts with a claim: one conditional UPDATE moves a queued Message to `sending`.
// Only one worker (of any instance) can win it; a `sending` row left by a crashed attempt becomes claimable
// again after STALE_SENDING_MS, and then the sender first asks Twilio whether it went out. The claim returns
// everything the send needs (the lead's consent, the business's lookup setting) in the same statement.
import { sql, type Selectable } from "kysely";
import { sqlDb } from "@/lib/db/kysely";
import type { Message } from "@/lib/db/generated/kysely-types";
import type { LeadStatus } from "@/lib/db/generated/kysely-enums";

export const STALE_SENDING_MS = 60_000;

export type ClaimedMessage = Selectable<Message> & {
  lead: { id: string; phone: string; isOptedOut: boolean; status: LeadStatus };
  business: { lookupEnabled: boolean };
};

type ClaimRow = Selectable<Message> & {
  leadPhone: string;
  leadIsOptedOut: boolean;
  leadStatus: LeadStatus;
  lookupEnabled: boolean;
};

export async function claimMessage(messageId: string): Promise<{ message: ClaimedMessage; isRetry: boolean } | null> {
  const now = new Date();
  const { rows } = await sql<ClaimRow>`
    UPDATE "Message" m
    SET status = 'sending', "sendAttempts" = m."sendAttempts" + 1, "sendStartedAt" = ${now}, "updatedAt" = ${now}
    FROM "Lead" l, "Business" b
    WHERE m.id = ${messageId} AND l.id = m."leadId" AND b.id = m."businessId"
      AND m.direction = 'outbound' AND m."messageSid" IS NULL
      AND (m.status = 'queued' OR (m.status = 'sending' AND m."sendStartedAt" < ${new Date(now.getTime() - STALE_SENDING_MS)}))
    RETURNING m.*, l.phone AS "leadPhone", l."isOptedOut" AS "leadIsOptedOut", l.status AS "leadStatus",
      b."lookupEnabled" AS "lookupEnabled"`.execute(sqlDb());
  const row = rows[0];
  if (!row) return null;
  const { leadPhone, leadIsOptedOut, leadStatus, lookupEnabled, ...message } = row;
  // Any earlier attempt may have reached Twilio (timeout, 5xx, crash): the caller looks before resending.
  return {
    message: {
      ...message,
      lead: { id: message.leadId, phone: leadPhone, isOptedOut: leadIsOptedOut, status: leadStatus },
      business: { lookupEnabled },
    },
    isRetry: message.sendAttempts > 1,
  };
}
