// POST /api/threads/{id}/release — hand the conversation back to the AI; `{ "now": true }` or `?now=1` is
// "Let AI handle": the AI answers now instead of waiting out the human-priority window.
import { z } from "zod";
import { requireMember } from "@/lib/auth/session";
import { releaseThread } from "@/lib/conversations/release-thread";
import { apiRoute, readOptionalJson } from "@/lib/http/route";
import type { ThreadRouteContext } from "../params";

export const dynamic = "force-dynamic";

const releaseSchema = z.object({ now: z.boolean().optional() }).strict();

export const POST = apiRoute<ThreadRouteContext>(async (request, { params }) => {
  const member = await requireMember(request);
  const { id } = await params;
  const url = new URL(request.url);
  const body = await readOptionalJson(request, releaseSchema);
  const now = body.now ?? ["1", "true"].includes(url.searchParams.get("now") ?? "");
  const via = url.searchParams.get("via") === "push" ? "push" : "inbox";
  return Response.json(
    await releaseThread({ businessId: member.businessId, threadId: id, userId: member.userId, now, via }),
  );
});
