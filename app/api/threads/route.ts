// GET /api/threads — the inbox: the member's business's conversations, newest activity first.
import { requireMember } from "@/lib/auth/session";
import { listThreads } from "@/lib/conversations/list-threads";
import { apiRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request) => {
  const member = await requireMember(request);
  const limit = Math.min(Math.max(Number(new URL(request.url).searchParams.get("limit")) || 50, 1), 200);
  return Response.json({ threads: await listThreads({ businessId: member.businessId, limit }) });
});
