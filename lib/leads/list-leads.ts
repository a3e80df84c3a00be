// GET /api/leads: one page of a business's leads (cursor pagination), plus the pipeline counts for the filter bar.
import { db } from "@/lib/db/client";
import type { LeadListQuery } from "@/lib/leads/lead-query-schema";
import { leadOrderBy, leadWhere } from "@/lib/leads/lead-where";
import { customerLeadsOnly } from "@/lib/setup-test/test-caller";

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

/** Lead counts per status for the whole business (the pipeline bar), one grouped query; test leads left out. */
export async function countLeadsByStatus({ businessId }: { businessId: string }) {
  const groups = await db.lead.groupBy({
    by: ["status"],
    where: { businessId, ...customerLeadsOnly },
    _count: { _all: true },
  });
  const counts = { new: 0, contacted: 0, qualified: 0, won: 0, lost: 0 };
  for (const group of groups) counts[group.status] = group._count._all;
  return counts;
}
