// GET /api/events — Server-Sent Events for the whole business (the inbox list refetches on each one).
import { requireMember } from "@/lib/auth/session";
import { memberEventStream } from "@/lib/conversations/member-event-stream";
import { apiRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request) => {
  const member = await requireMember(request);
  return memberEventStream(request, member, {}, { isTokenFree: true });
});
