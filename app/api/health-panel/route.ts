// GET /api/health-panel — the business's own health signals for the dashboard (session; /api/health is the probe).
import { requireMember } from "@/lib/auth/session";
import { getHealth } from "@/lib/health/get-health";
import { apiRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request) => {
  const member = await requireMember(request);
  return Response.json(await getHealth({ businessId: member.businessId }), {
    headers: { "Cache-Control": "private, no-store" },
  });
});
