// The conversion funnel of the period's missed calls: missed (could be texted) → texted (auto-SMS accepted)
// → replied (the customer answered in that thread) → qualified (the lead reached qualified or won) → won.
// Later stages count distinct leads, so a caller who rang twice is one lead.
import { db } from "@/lib/db/client";
import { missedCallsWhere } from "@/lib/metrics/call-metrics";
import type { MetricPeriod } from "@/lib/metrics/metric-period";

export async function getFunnel({ businessId, period }: { businessId: string; period: MetricPeriod }) {
  const [row] = await db.$queryRaw<
    { missed: number; texted: number; replied: number; qualified: number; won: number }[]
  >`
    WITH calls AS (
      SELECT c."leadId", c."threadId", c."smsAcceptedAt" FROM "Call" c
      WHERE ${missedCallsWhere(businessId, period)} AND c."skipReason" IS NULL
    )
    SELECT (SELECT count(*) FROM calls)::int AS missed,
      (SELECT count(*) FROM calls WHERE "smsAcceptedAt" IS NOT NULL)::int AS texted,
      (SELECT count(DISTINCT calls."leadId") FROM calls JOIN "Thread" t ON t.id = calls."threadId"
        WHERE calls."smsAcceptedAt" IS NOT NULL AND t."firstCustomerReplyAt" IS NOT NULL)::int AS replied,
      (SELECT count(DISTINCT calls."leadId") FROM calls JOIN "Thread" t ON t.id = calls."threadId"
        JOIN "Lead" l ON l.id = calls."leadId"
        WHERE calls."smsAcceptedAt" IS NOT NULL AND t."firstCustomerReplyAt" IS NOT NULL
          AND (l."qualifiedAt" IS NOT NULL OR l."status" IN ('qualified', 'won')))::int AS qualified,
      (SELECT count(DISTINCT calls."leadId") FROM calls JOIN "Lead" l ON l.id = calls."leadId"
        WHERE calls."smsAcceptedAt" IS NOT NULL AND l."status" = 'won')::int AS won`;
  const r = row ?? { missed: 0, texted: 0, replied: 0, qualified: 0, won: 0 };
  return [
    { stage: "missed", count: r.missed },
    { stage: "texted", count: r.texted },
    { stage: "replied", count: r.replied },
    { stage: "qualified", count: r.qualified },
    { stage: "won", count: r.won },
  ];
}
