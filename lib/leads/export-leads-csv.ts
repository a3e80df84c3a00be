// The leads of the current filter as a streamed CSV (keyset batches, so 100k leads never sit in memory at once).
// Times are in the business's timezone, as the owner reads them; the file opens right in Excel and Google Sheets
// (byte-order mark, phone numbers kept as text: see csv.ts).
import { db } from "@/lib/db/client";
import { csvRow, UTF8_BOM } from "@/lib/leads/csv";
import type { LeadFilter } from "@/lib/leads/lead-query-schema";
import { leadOrderBy, leadWhere } from "@/lib/leads/lead-where";
import { formatZoned } from "@/lib/metrics/zoned-time";

const BATCH = 1000;
const header = [
  "id",
  "created",
  "status",
  "name",
  "phone",
  "address",
  "service",
  "problem",
  "urgency",
  "preferred_time",
  "source",
  "value",
  "opted_out",
  "notes",
  "closed",
];

export function exportLeadsCsv({
  businessId,
  timeZone,
  filter,
}: {
  businessId: string;
  timeZone: string;
  filter: LeadFilter;
}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const where = leadWhere(businessId, filter, timeZone);
  let cursor: string | null = null;
  let isHeaderSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!isHeaderSent) {
        isHeaderSent = true;
        controller.enqueue(encoder.encode(UTF8_BOM + csvRow(header)));
        return;
      }
      const rows = await db.lead.findMany({
        where,
        orderBy: leadOrderBy(filter),
        take: BATCH,
        ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      });
      if (rows.length === 0) return controller.close();
      cursor = rows.at(-1)!.id;
      const chunk = rows
        .map((lead) =>
          csvRow([
            lead.id,
            formatZoned(lead.createdAt, timeZone),
            lead.status,
            lead.name,
            { phone: lead.phone },
            lead.address,
            lead.service,
            lead.problem,
            lead.urgency,
            lead.preferredTime,
            lead.source,
            lead.valueCents === null ? null : (lead.valueCents / 100).toFixed(2),
            lead.isOptedOut ? "yes" : "no",
            lead.notes,
            formatZoned(lead.closedAt, timeZone),
          ]),
        )
        .join("");
      controller.enqueue(encoder.encode(chunk));
      if (rows.length < BATCH) controller.close();
    },
  });
}
