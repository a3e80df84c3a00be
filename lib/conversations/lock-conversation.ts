// The one way to lock a conversation inside a unit of work: always the Lead row first, then the Thread row. Every
// path that writes both (webhooks, the inbound job, takeovers, the AI's send, opt-outs) takes them in this order,
// so two of them can only wait for each other, never deadlock.
import { sql, type Selectable } from "kysely";
import { newId } from "@/lib/db/new-id";
import type { Tx } from "@/lib/db/kysely";
import type { Lead, Thread } from "@/lib/db/generated/kysely-types";
import type { LeadSource } from "@/lib/db/generated/kysely-enums";

export type LockedLead = Pick<
  Selectable<Lead>,
  "id" | "phone" | "name" | "isOptedOut" | "status" | "language" | "languageSource"
>;
export type LockedThread = Selectable<Thread>;

/**
 * A customer's lead (by phone, per business) and its open thread, created if missing, both locked. Two first texts
 * from a new number at once land on the one lead and the one thread: the lead's upsert takes the row lock, so the
 * second waits and then finds the first one's thread.
 */
export async function openConversation(
  tx: Tx,
  {
    businessId,
    phone,
    source,
    autoReplySince,
  }: {
    businessId: string;
    phone: string;
    source: LeadSource;
    /** also tell whether this number was auto-texted since then (the repeat-caller rule), in the same statement */
    autoReplySince?: Date;
  },
): Promise<{
  lead: LockedLead;
  thread: LockedThread;
  isNewLead: boolean;
  isNewThread: boolean;
  hasRecentAutoReply: boolean;
}> {
  const recentAutoReply = autoReplySince
    ? sql`EXISTS (SELECT 1 FROM "Message" m WHERE m."businessId" = ${businessId} AND m."toNumber" = ${phone}
        AND m.purpose = 'auto_reply' AND m.status NOT IN ('failed', 'canceled', 'undelivered')
        AND m."createdAt" >= ${autoReplySince})`
    : sql`false`;
  // ON CONFLICT DO UPDATE (of nothing) both inserts-or-finds and locks the row, in one round trip.
  const { rows: leads } = await sql<LockedLead & { isNew: boolean; hasRecentAutoReply: boolean }>`
    INSERT INTO "Lead" (id, "businessId", phone, source, "updatedAt")
    VALUES (${newId()}, ${businessId}, ${phone}, ${source}::"LeadSource", now())
    ON CONFLICT ("businessId", phone) DO UPDATE SET phone = EXCLUDED.phone
    RETURNING id, phone, name, "isOptedOut", status, language, "languageSource", (xmax = 0) AS "isNew",
      ${recentAutoReply} AS "hasRecentAutoReply"`.execute(tx);
  const { isNew: isNewLead, hasRecentAutoReply, ...lead } = leads[0]!;
  const thread = await lockOpenThread(tx, { businessId, leadId: lead.id });
  return { lead, thread: thread.row, isNewLead, isNewThread: thread.isNew, hasRecentAutoReply };
}

/** The lead's open thread, locked; created when the lead has none (the caller holds the lead's lock). */
async function lockOpenThread(tx: Tx, { businessId, leadId }: { businessId: string; leadId: string }) {
  const { rows } = await sql<LockedThread & { isNew: boolean }>`
    WITH existing AS (
      SELECT * FROM "Thread" WHERE "businessId" = ${businessId} AND "leadId" = ${leadId} AND mode <> 'closed'
      ORDER BY "createdAt" DESC LIMIT 1 FOR UPDATE
    ), created AS (
      INSERT INTO "Thread" (id, "businessId", "leadId", "updatedAt")
      SELECT ${newId()}, ${businessId}, ${leadId}, now() WHERE NOT EXISTS (SELECT 1 FROM existing)
      RETURNING *
    )
    SELECT *, false AS "isNew" FROM existing UNION ALL SELECT *, true AS "isNew" FROM created`.execute(tx);
  const { isNew, ...row } = rows[0]!;
  return { row: row as LockedThread, isNew };
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
