// POST /api/threads/{id}/takeover — the member takes the conversation; an AI reply being written is abandoned.
import { requireMember } from "@/lib/auth/session";
import { takeOverThread } from "@/lib/conversations/take-over-thread";
import { apiRoute } from "@/lib/http/route";
import type { ThreadRouteContext } from "../params";

export const dynamic = "force-dynamic";

export const POST = apiRoute<ThreadRouteContext>(async (request, { params }) => {
  const member = await requireMember(request);
  const { id } = await params;
  const via = new URL(request.url).searchParams.get("via") === "push" ? "push" : "inbox";
  const result = await takeOverThread({ businessId: member.businessId, threadId: id, userId: member.userId, via });
  return Response.json({ mode: "human", holderUserId: member.userId, ...result });
});
