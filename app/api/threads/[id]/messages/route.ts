// POST /api/threads/{id}/messages — the member replies by SMS; replying takes the conversation over.
import { z } from "zod";
import { requireMember } from "@/lib/auth/session";
import { sendManualReply } from "@/lib/conversations/send-manual-reply";
import { apiRoute, readJson } from "@/lib/http/route";
import type { ThreadRouteContext } from "../params";

export const dynamic = "force-dynamic";

const replySchema = z.object({ body: z.string().trim().min(1, "Type a message first.").max(1600) }).strict();

export const POST = apiRoute<ThreadRouteContext>(async (request, { params }) => {
  const member = await requireMember(request);
  const { id } = await params;
  const { body } = await readJson(request, replySchema);
  const message = await sendManualReply({ businessId: member.businessId, threadId: id, userId: member.userId, body });
  return Response.json(
    {
      message: {
        id: message.id,
        body: message.body,
        status: message.status,
        authorKind: message.authorKind,
        createdAt: message.createdAt,
      },
    },
    { status: 201 },
  );
});
