// GET /api/business, PATCH /api/business — the signed-in member's business settings. Any member may read them and
// set `available` ("on a job" / "available"); every other field is the owner's (403 for a member, nothing stored).
import { requireMember, requireOwner } from "@/lib/auth/session";
import { businessPatchSchema } from "@/lib/business/business-schema";
import { getBusiness, updateBusiness } from "@/lib/business/get-business";
import { apiRoute, readJson } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** What a member (not only an owner) may change here. */
const MEMBER_FIELDS = new Set(["available"]);

export const GET = apiRoute(async (request) => {
  const member = await requireMember(request);
  return Response.json(await getBusiness({ businessId: member.businessId }));
});

export const PATCH = apiRoute(async (request) => {
  const member = await requireMember(request);
  const patch = await readJson(request, businessPatchSchema);
  if (Object.keys(patch).some((field) => !MEMBER_FIELDS.has(field))) requireOwner(member);
  return Response.json(await updateBusiness({ businessId: member.businessId, userId: member.userId, patch }));
});
