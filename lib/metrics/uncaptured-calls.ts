// The period's missed calls that got no auto-SMS, each with its reason: a skip reason (opted out, anonymous…),
// the auto-reply's delivery error, or "not sent" while it is still pending.
import { db } from "@/lib/db/client";
import { missedCallsWhere } from "@/lib/metrics/call-metrics";
import type { MetricPeriod } from "@/lib/metrics/metric-period";

export type UncapturedCall = {
  callId: string;
  leadId: string | null;
  leadName: string | null;
  fromNumber: string;
  createdAt: Date;
  reason: string;
  errorCode: number | null;
};

export async function getUncapturedCalls({
  businessId,
  period,
  limit = 100,
}: {
  businessId: string;
  period: MetricPeriod;
  limit?: number;
}) {
  return db.$queryRaw<UncapturedCall[]>`
    SELECT c.id AS "callId", c."leadId", l."name" AS "leadName", c."fromNumber", c."createdAt",
      coalesce(c."skipReason"::text, CASE WHEN m."status" IN ('failed', 'undelivered') THEN 'send_failed' ELSE 'not_sent' END) AS reason,
      m."errorCode"
    FROM "Call" c
    LEFT JOIN "Lead" l ON l.id = c."leadId"
    LEFT JOIN "Message" m ON m.id = c."autoReplyMessageId"
    WHERE ${missedCallsWhere(businessId, period)} AND c."smsAcceptedAt" IS NULL
      AND c."skipReason" IS DISTINCT FROM 'repeat_caller'
    ORDER BY c."createdAt" DESC LIMIT ${limit}`;
}
