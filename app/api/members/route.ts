// GET /api/members — the business's people; POST /api/members — an owner adds one with a starting password.
import { requireMember } from "@/lib/auth/session";
import { apiRoute, readJson } from "@/lib/http/route";
import { addMember } from "@/lib/members/add-member";
import { listMembers } from "@/lib/members/list-members";
import { addMemberSchema } from "@/lib/members/member-schema";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request) => {
  const member = await requireMember(request);
  return Response.json({ members: await listMembers({ businessId: member.businessId }) });
});

export const POST = apiRoute(async (request) => {
  const owner = await requireMember(request, { role: "owner" });
  const input = await readJson(request, addMemberSchema);
  const added = await addMember({ businessId: owner.businessId, addedByUserId: owner.userId, input });
  return Response.json(added, { status: 201 });
});
