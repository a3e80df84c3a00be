// The period's missed calls that got no auto-SMS, each with its reason: a skip reason (opted out, anonymous…),
// the auto-reply's delivery error, or "not sent" while it is still pending. Newest first, through a partial index
// of the calls without an auto-SMS.
import { sql } from "kysely";
import { sqlDb } from "@/lib/db/kysely";
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
}): Promise<UncapturedCall[]> {
  return sqlDb()
    .selectFrom("Call as c")
    .leftJoin("Lead as l", "l.id", "c.leadId")
    .leftJoin("Message as m", "m.id", "c.autoReplyMessageId")
    .select([
      "c.id as callId",
      "c.leadId",
      "l.name as leadName",
      "c.fromNumber",
      "c.createdAt",
      sql<string>`coalesce(c."skipReason"::text, CASE WHEN m."status" IN ('failed', 'undelivered') THEN 'send_failed' ELSE 'not_sent' END)`.as(
        "reason",
      ),
      "m.errorCode",
    ])
    .where("c.businessId", "=", businessId)
    .where("c.isMissed", "=", true)
    .where("c.isTest", "=", false)
    .where("c.smsAcceptedAt", "is", null)
    .where("c.createdAt", ">=", period.from)
    .where("c.createdAt", "<", period.to)
    .where(sql<boolean>`c."skipReason" IS DISTINCT FROM 'repeat_caller'`)
    .orderBy("c.createdAt", "desc")
    .limit(limit)
    .execute();
}
