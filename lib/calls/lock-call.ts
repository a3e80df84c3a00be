// Idempotency on CallSid: insert-or-find the Call and lock its row for the rest of the unit of work, in one
// statement (ON CONFLICT DO UPDATE takes the row lock), so the same webhook delivered five times at once is
// processed once and the others see the finished row.
import { sql, type Selectable } from "kysely";
import { newId } from "@/lib/db/new-id";
import type { Queryable, Tx } from "@/lib/db/kysely";
import type { Call } from "@/lib/db/generated/kysely-types";
import { leadUpsertSql, toOpenedLead, type LeadToOpen, type OpenedLead } from "@/lib/conversations/lock-conversation";
import { isSetupTestPhone } from "@/lib/setup-test/test-caller";

export type LockedCall = Selectable<Call>;

type CallToLock = { businessId: string; callSid: string; from: string; to: string };

/** The call's row as a first webhook inserts it (a call from the reserved "test my setup" caller is a test call). */
function callInsertSql({ businessId, callSid, from, to }: CallToLock) {
  return sql`
    INSERT INTO "Call" (id, "businessId", "callSid", "fromNumber", "toNumber", "isTest", "updatedAt")
    VALUES (${newId()}, ${businessId}, ${callSid}, ${from}, ${to}, ${isSetupTestPhone(from)}, now())`;
}

/** The call's insert-or-find, locked. */
function callUpsertSql(call: CallToLock) {
  return sql<LockedCall>`${callInsertSql(call)}
    ON CONFLICT ("callSid") DO UPDATE SET "callSid" = EXCLUDED."callSid"
    RETURNING *`;
}

export async function lockCallInTx(tx: Queryable, call: CallToLock): Promise<LockedCall> {
  const { rows } = await callUpsertSql(call).execute(tx);
  return rows[0]!;
}

/**
 * A ring-first call's row, before the professional's phone rings: inserted once (a redelivered Voice webhook changes
 * nothing), neither locked nor read back, since nothing more happens to it in this request (the Dial action locks it).
 */
export async function recordRingingCall(db: Queryable, call: CallToLock): Promise<void> {
  await sql`${callInsertSql(call)} ON CONFLICT ("callSid") DO NOTHING`.execute(db);
}

/**
 * The call and, when it was not handled yet, its caller's lead, both locked (call first, as lockCallInTx and then
 * openConversation would), in one statement: for a Dial action that is a missed call whatever the call's row says.
 * The lead is null for a call handled already (a redelivered webhook): nothing of the lead is touched then.
 */
export async function lockCallAndLeadInTx(
  tx: Tx,
  call: CallToLock,
  lead: LeadToOpen,
): Promise<{ call: LockedCall; opened: OpenedLead | null }> {
  const { rows } = await sql<LockedCall & { openedLead: Parameters<typeof toOpenedLead>[0] | null }>`
    WITH call AS (${callUpsertSql(call)}),
    lead AS (${leadUpsertSql(lead, sql<boolean>`EXISTS (SELECT 1 FROM call WHERE "detectedAt" IS NULL)`)})
    SELECT call.*, (SELECT to_json(lead) FROM lead) AS "openedLead" FROM call`.execute(tx);
  const { openedLead, ...locked } = rows[0]!;
  return { call: locked, opened: openedLead ? toOpenedLead(openedLead) : null };
}
