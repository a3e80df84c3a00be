// GET /api/leads/{id}, PATCH /api/leads/{id} — one lead of the signed-in business (another business's id → 404).
import { requireMember } from "@/lib/auth/session";
import { apiRoute, readJson } from "@/lib/http/route";
import { getLeadById } from "@/lib/leads/get-lead";
import { leadPatchSchema, updateLead } from "@/lib/leads/update-lead";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const GET = apiRoute<Context>(async (request, { params }) => {
  const member = await requireMember(request);
  const { id } = await params;
  return Response.json(await getLeadById({ businessId: member.businessId, leadId: id }));
});

export const PATCH = apiRoute<Context>(async (request, { params }) => {
  const member = await requireMember(request);
  const { id } = await params;
  const patch = await readJson(request, leadPatchSchema);
  const lead = await updateLead({ businessId: member.businessId, leadId: id, userId: member.userId, patch });
  return Response.json(lead);
});
