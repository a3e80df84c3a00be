// DELETE /api/members/{id} — an owner removes a person (by user id); their sessions end at once.
import { requireMember } from "@/lib/auth/session";
import { apiRoute } from "@/lib/http/route";
import { removeMember } from "@/lib/members/remove-member";

export const dynamic = "force-dynamic";

export const DELETE = apiRoute(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const owner = await requireMember(request, { role: "owner" });
  const { id } = await params;
  await removeMember({ businessId: owner.businessId, removedByUserId: owner.userId, userId: id });
  return new Response(null, { status: 204 });
});
