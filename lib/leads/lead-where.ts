// Builds the Prisma filter for a lead list, always scoped to one business. Dates are local days of the business.
import type { Prisma } from "@prisma/client";
import type { LeadFilter } from "@/lib/leads/lead-query-schema";
import { customerLeadsOnly } from "@/lib/setup-test/test-caller";
import { addDays, zonedDayStart } from "@/lib/metrics/zoned-time";

export function leadWhere(businessId: string, filter: LeadFilter, timeZone: string): Prisma.LeadWhereInput {
  // "Test my setup" leads (reserved test caller numbers) are not customers.
  const where: Prisma.LeadWhereInput = { businessId, ...customerLeadsOnly };
  if (filter.status?.length) where.status = { in: filter.status };
  if (filter.urgency?.length) where.urgency = { in: filter.urgency };
  if (filter.source) where.source = filter.source;
  if (filter.from || filter.to) {
    where.createdAt = {
      ...(filter.from ? { gte: zonedDayStart(filter.from, timeZone) } : {}),
      ...(filter.to ? { lt: zonedDayStart(addDays(filter.to, 1), timeZone) } : {}),
    };
  }
  const q = filter.q?.trim();
  if (q) {
    const digits = q.replace(/\D/g, "");
    const or: Prisma.LeadWhereInput[] = [
      { name: { contains: q, mode: "insensitive" } },
      { address: { contains: q, mode: "insensitive" } },
    ];
    // Phone numbers are stored E.164: match on the digits the person typed, whatever the formatting.
    if (digits.length >= 3) or.push({ phone: { contains: digits } });
    where.OR = or;
  }
  return where;
}

export function leadOrderBy(filter: Pick<LeadFilter, "sort" | "dir">): Prisma.LeadOrderByWithRelationInput[] {
  const nullable = filter.sort === "name" || filter.sort === "valueCents";
  const primary = nullable ? { [filter.sort]: { sort: filter.dir, nulls: "last" } } : { [filter.sort]: filter.dir };
  return [primary as Prisma.LeadOrderByWithRelationInput, { id: filter.dir }];
}
