// GET /api/threads/{id}/events — Server-Sent Events for one conversation: stored events (resumable with
// Last-Event-ID) and the AI's reply token by token while it is written.
import { requireMember } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { memberEventStream } from "@/lib/conversations/member-event-stream";
import { AppError } from "@/lib/errors";
import { apiRoute } from "@/lib/http/route";
import type { ThreadRouteContext } from "../params";

export const dynamic = "force-dynamic";

export const GET = apiRoute<ThreadRouteContext>(async (request, { params }) => {
  const member = await requireMember(request);
  const { id } = await params;
  const thread = await db.thread.findFirst({ where: { id, businessId: member.businessId }, select: { id: true } });
  if (!thread) throw new AppError("not_found", "Conversation not found.");
  return memberEventStream(request, member, { threadId: thread.id });
});
