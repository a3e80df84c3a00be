// GET /api/leads/export.csv — the leads of the current filter as a streamed CSV, times in the business timezone.
import { requireMember } from "@/lib/auth/session";
import { apiRoute } from "@/lib/http/route";
import { exportLeadsCsv } from "@/lib/leads/export-leads-csv";
import { leadFilterSchema, searchParamsToObject } from "@/lib/leads/lead-query-schema";
import { getBusinessTimeZone } from "@/lib/metrics/get-metrics";
import { zonedDay } from "@/lib/metrics/zoned-time";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request) => {
  const member = await requireMember(request);
  const params = searchParamsToObject(new URL(request.url).searchParams);
  delete params.cursor;
  delete params.limit;
  const filter = leadFilterSchema.parse(params);
  const timeZone = await getBusinessTimeZone(member.businessId);
  const stream = exportLeadsCsv({ businessId: member.businessId, timeZone, filter });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="leads-${zonedDay(new Date(), timeZone)}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
});
