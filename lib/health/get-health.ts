// "Is it working?" for the signed-in business: the last call processed, webhook signature failures and Twilio
// fallback hits (last 24 h), SMS delivery failures by Twilio error code (7 days), calls that produced no lead, and
// the reconciliation with Twilio's records (calls it recovered in 24 h and 7 days, its last run).
// Signature failures are recorded before any business can be trusted (the To number is unsigned then), so they
// carry no businessId: the panel counts this business's rows plus unattributed ones — counts only, no details.
import { db } from "@/lib/db/client";
import { getSetupWarnings } from "@/lib/health/get-setup-warnings";
import { countHealthEvents } from "@/lib/health/record-health-event";
import { isReconciliationOn } from "@/lib/reconciliation/reconcile-job";

const DAY_MS = 86_400_000;

export async function getHealth({ businessId, now = new Date() }: { businessId: string; now?: Date }) {
  const since24h = new Date(now.getTime() - DAY_MS);
  const since7d = new Date(now.getTime() - 7 * DAY_MS);
  const lastCall = await db.call.findFirst({
    where: { businessId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      createdAt: true,
      isMissed: true,
      isTest: true,
      skipReason: true,
      smsAcceptedAt: true,
      detectedAt: true,
      leadId: true,
    },
  });
  const healthCounts = await countHealthEvents({
    kinds: ["signature_failure", "twilio_fallback"],
    since: since24h,
    businessId,
  });
  const deliveryFailures = await db.$queryRaw<{ errorCode: number | null; count: number; lastAt: Date }[]>`
    SELECT m."errorCode", count(*)::int AS count, max(m."createdAt") AS "lastAt" FROM "Message" m
    WHERE m."businessId" = ${businessId} AND m."createdAt" >= ${since7d.toISOString()}::timestamp
      AND m."status" IN ('failed', 'undelivered')
    GROUP BY 1 ORDER BY 2 DESC LIMIT 20`;
  // A call needs a lead unless it was skipped before one could exist (anonymous caller, ignore list, own number).
  const callsWithoutLead = await db.call.findMany({
    where: {
      businessId,
      isTest: false,
      leadId: null,
      createdAt: { gte: since7d },
      OR: [{ skipReason: null }, { skipReason: { notIn: ["anonymous", "ignored", "own_number"] } }],
    },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: { id: true, createdAt: true, status: true, isMissed: true, skipReason: true },
  });
  const setupWarnings = await getSetupWarnings({ businessId });
  // Calls whose webhook never came, found in Twilio's own records (by when they were found).
  const [recovered] = await db.$queryRaw<{ last24h: number; last7d: number }[]>`
    SELECT count(*) FILTER (WHERE c."detectedAt" >= ${since24h.toISOString()}::timestamp)::int AS "last24h",
      count(*)::int AS "last7d"
    FROM "Call" c
    WHERE c."businessId" = ${businessId} AND c."detectedBy" = 'reconciliation'
      AND c."detectedAt" >= ${since7d.toISOString()}::timestamp`;
  const reconciliationState = await db.twilioReconciliation.findUnique({
    where: { businessId },
    select: { lastRunAt: true, lastRunOk: true, lastError: true },
  });
  return {
    lastCall,
    signatureFailures24h: healthCounts.signature_failure ?? 0,
    twilioFallbackHits24h: healthCounts.twilio_fallback ?? 0,
    deliveryFailuresByCode: deliveryFailures,
    callsWithoutLead,
    setupWarnings,
    reconciliation: {
      isOn: isReconciliationOn(),
      recovered24h: recovered?.last24h ?? 0,
      recovered7d: recovered?.last7d ?? 0,
      lastRunAt: reconciliationState?.lastRunAt ?? null,
      lastRunOk: reconciliationState?.lastRunOk ?? null,
      lastError: reconciliationState?.lastError ?? null,
    },
  };
}

export type HealthReport = Awaited<ReturnType<typeof getHealth>>;
