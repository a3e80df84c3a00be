// GET /api/metrics?from=&to= — the success metrics over a period (ISO dates in the business timezone).
import { requireMember } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { apiRoute } from "@/lib/http/route";
import { getBusinessTimeZone, getMetrics } from "@/lib/metrics/get-metrics";
import { metricPeriodQuerySchema, resolveMetricPeriod } from "@/lib/metrics/metric-period";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request) => {
  const member = await requireMember(request);
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const query = metricPeriodQuerySchema.parse({ from: params.from || undefined, to: params.to || undefined });
  const timeZone = await getBusinessTimeZone(member.businessId);
  let period;
  try {
    period = resolveMetricPeriod(query, timeZone);
  } catch (error) {
    throw new AppError("validation_failed", error instanceof Error ? error.message : "Invalid period.");
  }
  return Response.json(await getMetrics({ businessId: member.businessId, period }), {
    headers: { "Cache-Control": "private, no-store" },
  });
});
