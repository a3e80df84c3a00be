// POST /api/threads/{id}/draft/send — a member sends the AI's pending draft, as written or with `{ "body" }` edited.
// `draftId` (the notification's Send passes it) makes sure a newer draft is not sent in the name of the one read.
// 409 when there is no draft (already sent or discarded) or the customer opted out; 422 when the reply guard stops it.
import { z } from "zod";
import { requireMember } from "@/lib/auth/session";
import { sendDraft } from "@/lib/ai/drafts/send-draft";
import { apiRoute, readOptionalJson } from "@/lib/http/route";
import type { ThreadRouteContext } from "../../params";

export const dynamic = "force-dynamic";

const sendDraftSchema = z
  .object({
    body: z.string().trim().min(1, "Type a message first.").max(1600).optional(),
    draftId: z.string().min(1).max(100).optional(),
  })
  .strict();

export const POST = apiRoute<ThreadRouteContext>(async (request, { params }) => {
  const member = await requireMember(request);
  const { id } = await params;
  const input = await readOptionalJson(request, sendDraftSchema);
  const via = new URL(request.url).searchParams.get("via") === "push" ? "push" : "thread";
  const sent = await sendDraft({
    businessId: member.businessId,
    threadId: id,
    ...input,
    actor: { kind: "user", userId: member.userId },
    via,
  });
  return Response.json({
    draft: { id: sent.draftId, status: sent.status, isEdited: sent.isEdited },
    messages: sent.messages.map((message) => ({
      id: message.id,
      body: message.body,
      status: message.status,
      createdAt: message.createdAt,
    })),
  });
});
