// GET /api/threads/{id} — one conversation (messages, calls, lead, recent events); opening it marks it read.
import { requireMember } from "@/lib/auth/session";
import { getThread } from "@/lib/conversations/get-thread";
import { apiRoute } from "@/lib/http/route";
import type { ThreadRouteContext } from "./params";

export const dynamic = "force-dynamic";

export const GET = apiRoute<ThreadRouteContext>(async (request, { params }) => {
  const member = await requireMember(request);
  const { id } = await params;
  const thread = await getThread({ businessId: member.businessId, threadId: id, markRead: true });
  return Response.json({ thread });
});
