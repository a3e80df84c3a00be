// PATCH /api/webhooks/{id}, DELETE /api/webhooks/{id} — change, rotate the secret of, or remove an endpoint (owner).
import { requireMember } from "@/lib/auth/session";
import { apiRoute, readJson } from "@/lib/http/route";
import {
  deleteWebhookEndpoint,
  updateWebhookEndpoint,
  webhookEndpointPatchSchema,
} from "@/lib/webhooks/webhook-endpoints";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const PATCH = apiRoute<Context>(async (request, { params }) => {
  const member = await requireMember(request, { role: "owner" });
  const { id } = await params;
  const patch = await readJson(request, webhookEndpointPatchSchema);
  return Response.json(await updateWebhookEndpoint({ businessId: member.businessId, endpointId: id, patch }));
});

export const DELETE = apiRoute<Context>(async (request, { params }) => {
  const member = await requireMember(request, { role: "owner" });
  const { id } = await params;
  await deleteWebhookEndpoint({ businessId: member.businessId, endpointId: id });
  return new Response(null, { status: 204 });
});
