// Exactly-once sending starts with a claim: one conditional UPDATE moves a queued Message to `sending`.
// Only one worker (of any instance) can win it; a `sending` row left by a crashed attempt becomes claimable
// again after SEND_CLAIM_STALE_MS (the Twilio timeout and a slack, lib/jobs/recovery-timing.ts), and then the
// sender first asks Twilio whether it went out. The claim's time is the database's, so instances whose clocks
// disagree still agree on when a claim is stale. The claim returns everything the send needs (the lead's consent,
// the business's lookup setting) in the same statement. The claims of one fetched batch of jobs (they start in the
// same tick) go out as one UPDATE: DataLoader, with its cache off, only groups them.
import DataLoader from "dataloader";
import { sql, type Selectable } from "kysely";
import { sqlDb } from "@/lib/db/kysely";
import type { Message } from "@/lib/db/generated/kysely-types";
import type { LeadStatus } from "@/lib/db/generated/kysely-enums";
import { SEND_CLAIM_STALE_MS } from "@/lib/jobs/recovery-timing";

export const STALE_SENDING_MS = SEND_CLAIM_STALE_MS;

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

/** Another attempt holds the message and may still be sending it: try again once its claim is stale. */
export type HeldClaim = { heldForMs: number };

/** Claims the messages of one batch in one UPDATE; a message asked for twice is claimed by its first asker only. */
async function claimMany(messageIds: readonly string[]): Promise<(ClaimRow | null)[]> {
  const now = new Date();
  const { rows } = await sql<ClaimRow>`
    UPDATE "Message" m
    SET status = 'sending', "sendAttempts" = m."sendAttempts" + 1, "sendStartedAt" = now() AT TIME ZONE 'UTC',
      "updatedAt" = ${now}
    FROM "Lead" l, "Business" b
    WHERE m.id = ANY(${[...new Set(messageIds)]}::text[]) AND l.id = m."leadId" AND b.id = m."businessId"
      AND m.direction = 'outbound' AND m."messageSid" IS NULL
      AND (m.status = 'queued' OR (m.status = 'sending'
        AND m."sendStartedAt" < (now() AT TIME ZONE 'UTC') - ${STALE_SENDING_MS} * interval '1 millisecond'))
    RETURNING m.*, l.phone AS "leadPhone", l."isOptedOut" AS "leadIsOptedOut", l.status AS "leadStatus",
      b."lookupEnabled" AS "lookupEnabled"`.execute(sqlDb());
  const unclaimed = new Map(rows.map((row) => [row.id, row]));
  return messageIds.map((id) => {
    const row = unclaimed.get(id) ?? null;
    unclaimed.delete(id);
    return row;
  });
}

const claims = new DataLoader(claimMany, { cache: false, maxBatchSize: 100 });

export async function claimMessage(
  messageId: string,
): Promise<{ message: ClaimedMessage; isRetry: boolean } | HeldClaim | null> {
  const row = await claims.load(messageId);
  if (!row) return heldClaim(messageId);
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

/** Why the claim was refused: done (sent, finished, gone) → null; held by a live-looking attempt → how long for. */
async function heldClaim(messageId: string): Promise<HeldClaim | null> {
  const { rows } = await sql<{ heldForMs: number }>`
    SELECT GREATEST(0, EXTRACT(EPOCH FROM ("sendStartedAt" + ${STALE_SENDING_MS} * interval '1 millisecond'
      - (now() AT TIME ZONE 'UTC'))) * 1000)::float8 AS "heldForMs"
    FROM "Message"
    WHERE id = ${messageId} AND status = 'sending' AND "messageSid" IS NULL AND "sendStartedAt" IS NOT NULL`.execute(
    sqlDb(),
  );
  return rows[0] ? { heldForMs: rows[0].heldForMs } : null;
}

/**
 * Renews this attempt's claim right before the send request, when another Twilio call (Lookup, the look before a
 * resend) came first: the claim then covers only the send itself, so SEND_CLAIM_STALE_MS holds. False when the
 * attempt lost its claim meanwhile (another attempt took it over): it must not send.
 */
export async function renewClaim(message: { id: string; sendAttempts: number }): Promise<boolean> {
  const result = await sql`
    UPDATE "Message" SET "sendStartedAt" = now() AT TIME ZONE 'UTC'
    WHERE id = ${message.id} AND status = 'sending' AND "messageSid" IS NULL
      AND "sendAttempts" = ${message.sendAttempts}`.execute(sqlDb());
  return result.numAffectedRows === 1n;
}
