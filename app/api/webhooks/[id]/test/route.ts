// POST /api/webhooks/{id}/test — "send test event": a signed webhook.test delivery through the real job (owner).
import { requireMember } from "@/lib/auth/session";
import { apiRoute } from "@/lib/http/route";
import { sendTestWebhookEvent } from "@/lib/webhooks/webhook-endpoints";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const member = await requireMember(request, { role: "owner" });
  const { id } = await params;
  return Response.json(await sendTestWebhookEvent({ businessId: member.businessId, endpointId: id }), { status: 202 });
});
