// GET /api/leads — the signed-in business's leads: search, filters, sort, cursor pagination, pipeline counts.
import { requireMember } from "@/lib/auth/session";
import { apiRoute } from "@/lib/http/route";
import { leadListQuerySchema, searchParamsToObject } from "@/lib/leads/lead-query-schema";
import { countLeadsByStatus, listLeads } from "@/lib/leads/list-leads";
import { getBusinessTimeZone } from "@/lib/metrics/get-metrics";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request) => {
  const member = await requireMember(request);
  const query = leadListQuerySchema.parse(searchParamsToObject(new URL(request.url).searchParams));
  const timeZone = await getBusinessTimeZone(member.businessId);
  const page = await listLeads({ businessId: member.businessId, timeZone, query });
  const counts = query.cursor ? undefined : await countLeadsByStatus({ businessId: member.businessId });
  return Response.json({ ...page, counts }, { headers: { "Cache-Control": "private, no-store" } });
});
