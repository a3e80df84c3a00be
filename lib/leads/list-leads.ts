// GET /api/leads: one page of a business's leads (cursor pagination), plus the pipeline counts for the filter bar.
import { db } from "@/lib/db/client";
import type { LeadListQuery } from "@/lib/leads/lead-query-schema";
import { leadOrderBy, leadWhere } from "@/lib/leads/lead-where";
import { sql } from "kysely";
import { sqlDb } from "@/lib/db/kysely";

export const leadListSelect = {
  id: true,
  phone: true,
  name: true,
  address: true,
  service: true,
  problem: true,
  urgency: true,
  status: true,
  source: true,
  valueCents: true,
  isOptedOut: true,
  language: true,
  languageSource: true,
  createdAt: true,
  updatedAt: true,
  statusChangedAt: true,
} as const;

export async function listLeads({
  businessId,
  timeZone,
  query,
}: {
  businessId: string;
  timeZone: string;
  query: LeadListQuery;
}) {
  const where = leadWhere(businessId, query, timeZone);
  // The cursor is a lead id; Prisma resolves its position in the same order. A foreign id matches no row here.
  const cursorLead = query.cursor
    ? await db.lead.findFirst({ where: { id: query.cursor, businessId }, select: { id: true } })
    : null;
  const rows = await db.lead.findMany({
    where,
    orderBy: leadOrderBy(query),
    take: query.limit + 1,
    ...(cursorLead ? { cursor: { id: cursorLead.id }, skip: 1 } : {}),
    select: leadListSelect,
  });
  const hasMore = rows.length > query.limit;
  const leads = hasMore ? rows.slice(0, query.limit) : rows;
  return { leads, nextCursor: hasMore ? (leads.at(-1)?.id ?? null) : null };
}

/**
 * Lead counts per status for the whole business (the pipeline bar); test leads left out. From the rollups (every
 * daily row plus the deltas not folded yet: exactly the leads' facts), so it costs days, not leads.
 */
export async function countLeadsByStatus({ businessId }: { businessId: string }) {
  const k = sqlDb();
  const rows = await k
    .selectFrom(
      k
        .selectFrom("MetricDaily")
        .select(["dim", sql<string>`n::bigint`.as("n")])
        .where("businessId", "=", businessId)
        .where("kind", "=", "lead")
        .unionAll(
          k
            .selectFrom("MetricDelta")
            .select(["dim", sql<string>`n::bigint`.as("n")])
            .where("businessId", "=", businessId)
            .where("kind", "=", "lead"),
        )
        .as("x"),
    )
    .select(["x.dim", sql<number>`sum(x.n)::int`.as("count")])
    .groupBy("x.dim")
    .execute();
  const counts = { new: 0, contacted: 0, qualified: 0, won: 0, lost: 0 };
  for (const row of rows) if (row.dim in counts) counts[row.dim as keyof typeof counts] = row.count;
  return counts;
}
