// Finds or creates the lead (by customer phone, per business) and its open thread, inside a transaction.
// A row lock on the lead serialises concurrent webhooks for the same number, so there is one open thread.
import { randomUUID } from "node:crypto";
import type { LeadSource, Prisma } from "@prisma/client";

export async function openThread(
  tx: Prisma.TransactionClient,
  { businessId, phone, source }: { businessId: string; phone: string; source: LeadSource },
) {
  // INSERT … ON CONFLICT: two first texts from a new number at once must both land on the one lead (Prisma's
  // upsert can raise a unique violation when both try to insert).
  await tx.$executeRaw`
    INSERT INTO "Lead" (id, "businessId", phone, source, "updatedAt")
    VALUES (${randomUUID()}, ${businessId}, ${phone}, ${source}::"LeadSource", now())
    ON CONFLICT ("businessId", phone) DO NOTHING`;
  const [lead] = await tx.$queryRaw<{ id: string; isOptedOut: boolean }[]>`
    SELECT id, "isOptedOut" FROM "Lead" WHERE "businessId" = ${businessId} AND phone = ${phone} FOR UPDATE`;
  if (!lead) throw new Error("lead vanished inside its transaction");
  const existing = await tx.thread.findFirst({
    where: { businessId, leadId: lead.id, mode: { not: "closed" } },
    orderBy: { createdAt: "desc" },
  });
  if (existing) return { lead, thread: existing, isNewThread: false };
  const thread = await tx.thread.create({ data: { businessId, leadId: lead.id } });
  return { lead, thread, isNewThread: true };
}
