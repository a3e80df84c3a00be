// The one way to lock a conversation inside a unit of work: always the Lead row first, then the Thread row. Every
// path that writes both (webhooks, the inbound job, takeovers, the AI's send, opt-outs) takes them in this order,
// so two of them can only wait for each other, never deadlock.
import { sql, type RawBuilder, type Selectable } from "kysely";
import { newId } from "@/lib/db/new-id";
import type { Tx } from "@/lib/db/kysely";
import type { Lead, Thread } from "@/lib/db/generated/kysely-types";
import type { LeadSource } from "@/lib/db/generated/kysely-enums";

export type LockedLead = Pick<
  Selectable<Lead>,
  "id" | "phone" | "name" | "isOptedOut" | "status" | "language" | "languageSource"
>;
export type LockedThread = Selectable<Thread>;

export type LeadToOpen = {
  businessId: string;
  phone: string;
  source: LeadSource;
  /** also tell whether this number was auto-texted since then (the repeat-caller rule), in the same statement */
  autoReplySince?: Date;
};

/** The lead as its upsert found it: locked, whether it was created, whether it was auto-texted recently. */
export type OpenedLead = { lead: LockedLead; isNewLead: boolean; hasRecentAutoReply: boolean };

type OpenedLeadRow = LockedLead & { isNew: boolean; hasRecentAutoReply: boolean };

/**
 * The lead's upsert, as SQL to run alone or as a part of another statement's WITH (the Dial action locks its call in
 * the same statement): inserts the lead, or finds and locks it (ON CONFLICT DO UPDATE of nothing takes the row
 * lock). `onlyIf` is checked first; when false, nothing is inserted, locked or returned.
 */
export function leadUpsertSql(lead: LeadToOpen, onlyIf = sql<boolean>`true`) {
  const { businessId, phone, source } = lead;
  return sql<OpenedLeadRow>`
    INSERT INTO "Lead" (id, "businessId", phone, source, "updatedAt")
    SELECT ${newId()}, ${businessId}, ${phone}, ${source}::"LeadSource", now() WHERE ${onlyIf}
    ON CONFLICT ("businessId", phone) DO UPDATE SET phone = EXCLUDED.phone
    RETURNING id, phone, name, "isOptedOut", status, language, "languageSource", (xmax = 0) AS "isNew",
      ${recentAutoReplySql(lead)} AS "hasRecentAutoReply"`;
}

/**
 * Whether the number was auto-texted since `autoReplySince` (the repeat-caller rule). Read with the snapshot of the
 * statement it is part of: in the lead's upsert it cannot see an auto-reply committed while the upsert waited for
 * the lead's lock, so it counts there only for a lead the upsert created (nobody could text a lead that did not
 * exist); for a lead that existed, the thread's statement, which comes after the lock, reads it again.
 */
function recentAutoReplySql({ businessId, phone, autoReplySince }: LeadToOpen) {
  return autoReplySince
    ? sql<boolean>`EXISTS (SELECT 1 FROM "Message" m WHERE m."businessId" = ${businessId} AND m."toNumber" = ${phone}
        AND m.purpose = 'auto_reply' AND m.status NOT IN ('failed', 'canceled', 'undelivered')
        AND m."createdAt" >= ${autoReplySince})`
    : sql<boolean>`false`;
}

/** A row of leadUpsertSql as the callers use it. */
export function toOpenedLead({ isNew, hasRecentAutoReply, ...lead }: OpenedLeadRow): OpenedLead {
  return { lead, isNewLead: isNew, hasRecentAutoReply };
}

/**
 * A customer's lead (by phone, per business) and its open thread, created if missing, both locked. Two first texts
 * from a new number at once land on the one lead and the one thread: the lead's upsert takes the row lock, so the
 * second waits and then finds the first one's thread. `opened`: the lead was upserted already (by leadUpsertSql,
 * earlier in this unit of work); only its thread is opened.
 */
export async function openConversation(
  tx: Tx,
  lead: LeadToOpen,
  opened?: OpenedLead,
): Promise<{
  lead: LockedLead;
  thread: LockedThread;
  isNewLead: boolean;
  isNewThread: boolean;
  hasRecentAutoReply: boolean;
}> {
  const found = opened ?? toOpenedLead((await leadUpsertSql(lead).execute(tx)).rows[0]!);
  // The thread is read by a later statement than the lead's upsert: its snapshot sees the thread (and the
  // auto-reply) of a transaction the upsert waited for.
  const thread = await lockOpenThread(
    tx,
    { businessId: lead.businessId, leadId: found.lead.id },
    recentAutoReplySql(lead),
  );
  const hasRecentAutoReply = found.isNewLead ? found.hasRecentAutoReply : thread.hasRecentAutoReply;
  return { ...found, hasRecentAutoReply, thread: thread.row, isNewThread: thread.isNew };
}

/** The lead's open thread, locked; created when the lead has none (the caller holds the lead's lock). */
async function lockOpenThread(
  tx: Tx,
  { businessId, leadId }: { businessId: string; leadId: string },
  recentAutoReply: RawBuilder<boolean>,
) {
  const { rows } = await sql<LockedThread & { isNew: boolean; hasRecentAutoReply: boolean }>`
    WITH existing AS (
      SELECT * FROM "Thread" WHERE "businessId" = ${businessId} AND "leadId" = ${leadId} AND mode <> 'closed'
      ORDER BY "createdAt" DESC LIMIT 1 FOR UPDATE
    ), created AS (
      INSERT INTO "Thread" (id, "businessId", "leadId", "updatedAt")
      SELECT ${newId()}, ${businessId}, ${leadId}, now() WHERE NOT EXISTS (SELECT 1 FROM existing)
      RETURNING *
    )
    SELECT t.*, ${recentAutoReply} AS "hasRecentAutoReply"
    FROM (SELECT *, false AS "isNew" FROM existing UNION ALL SELECT *, true AS "isNew" FROM created) t`.execute(tx);
  const { isNew, hasRecentAutoReply, ...row } = rows[0]!;
  return { row: row as LockedThread, isNew, hasRecentAutoReply };
}

/**
 * An existing conversation by its thread: the lead is locked first (found through the thread), then the thread.
 * Null when the thread does not exist in this business.
 */
export async function lockConversation(
  tx: Tx,
  { businessId, threadId }: { businessId: string; threadId: string },
): Promise<{ lead: LockedLead; thread: LockedThread } | null> {
  const lead = await tx
    .selectFrom("Lead")
    .select(["id", "phone", "name", "isOptedOut", "status", "language", "languageSource"])
    .where("id", "=", (eb) =>
      eb.selectFrom("Thread").select("leadId").where("id", "=", threadId).where("businessId", "=", businessId),
    )
    .forUpdate()
    .executeTakeFirst();
  if (!lead) return null;
  const thread = await tx
    .selectFrom("Thread")
    .selectAll()
    .where("id", "=", threadId)
    .where("businessId", "=", businessId)
    .forUpdate()
    .executeTakeFirst();
  if (!thread) return null;
  return { lead, thread };
}
