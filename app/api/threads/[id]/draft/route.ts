// DELETE /api/threads/{id}/draft — a member discards the AI's pending draft; 409 when there is none any more.
import { requireMember } from "@/lib/auth/session";
import { discardDraft } from "@/lib/ai/drafts/discard-draft";
import { apiRoute } from "@/lib/http/route";
import type { ThreadRouteContext } from "../params";

export const dynamic = "force-dynamic";

export const DELETE = apiRoute<ThreadRouteContext>(async (request, { params }) => {
  const member = await requireMember(request);
  const { id } = await params;
  return Response.json(await discardDraft({ businessId: member.businessId, threadId: id, userId: member.userId }));
});
