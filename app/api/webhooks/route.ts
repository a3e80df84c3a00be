// GET /api/webhooks, POST /api/webhooks — the business's CRM webhook endpoints (owner only). POST shows the secret once.
import { requireMember } from "@/lib/auth/session";
import { apiRoute, readJson } from "@/lib/http/route";
import {
  createWebhookEndpoint,
  listWebhookEndpoints,
  webhookEndpointCreateSchema,
} from "@/lib/webhooks/webhook-endpoints";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request) => {
  const member = await requireMember(request, { role: "owner" });
  return Response.json({ endpoints: await listWebhookEndpoints({ businessId: member.businessId }) });
});

export const POST = apiRoute(async (request) => {
  const member = await requireMember(request, { role: "owner" });
  const input = await readJson(request, webhookEndpointCreateSchema);
  return Response.json(await createWebhookEndpoint({ businessId: member.businessId, input }), { status: 201 });
});
