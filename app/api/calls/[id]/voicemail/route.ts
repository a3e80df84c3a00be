// GET /api/calls/{id}/voicemail — the call's voicemail audio for a signed-in member of its business (404 for any
// other). Streamed from Twilio with the account's credentials; `Range` is honoured so the player can seek.
import { requireMember } from "@/lib/auth/session";
import { streamVoicemail } from "@/lib/calls/stream-voicemail";
import { apiRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const GET = apiRoute<Context>(async (request, { params }) => {
  const member = await requireMember(request);
  const { id } = await params;
  return streamVoicemail({ businessId: member.businessId, callId: id, rangeHeader: request.headers.get("range") });
});
