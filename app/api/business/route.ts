// GET /api/business, PATCH /api/business — the signed-in member's business settings (docs/api.md).
import { requireMember } from "@/lib/auth/session";
import { businessPatchSchema } from "@/lib/business/business-schema";
import { getBusiness, updateBusiness } from "@/lib/business/get-business";
import { apiRoute, readJson } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request) => {
  const member = await requireMember(request);
  return Response.json(await getBusiness({ businessId: member.businessId }));
});

export const PATCH = apiRoute(async (request) => {
  const member = await requireMember(request);
  const patch = await readJson(request, businessPatchSchema);
  return Response.json(await updateBusiness({ businessId: member.businessId, userId: member.userId, patch }));
});
