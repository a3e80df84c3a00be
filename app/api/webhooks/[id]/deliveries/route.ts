// GET /api/webhooks/{id}/deliveries — the endpoint's last 50 deliveries with attempts and response codes (owner).
import { requireMember } from "@/lib/auth/session";
import { apiRoute } from "@/lib/http/route";
import { listWebhookDeliveries } from "@/lib/webhooks/webhook-endpoints";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const member = await requireMember(request, { role: "owner" });
  const { id } = await params;
  return Response.json({ deliveries: await listWebhookDeliveries({ businessId: member.businessId, endpointId: id }) });
});
