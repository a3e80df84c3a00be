// GET /api/messages/{id}/media/{index} — one attachment of a customer's MMS for a signed-in member of its business
// (404 for any other). Streamed from Twilio with the account's credentials; Twilio's URL never reaches the browser.
import { requireMember } from "@/lib/auth/session";
import { apiRoute } from "@/lib/http/route";
import { streamMessageMedia } from "@/lib/messages/stream-message-media";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string; index: string }> };

export const GET = apiRoute<Context>(async (request, { params }) => {
  const member = await requireMember(request);
  const { id, index } = await params;
  return streamMessageMedia({ businessId: member.businessId, messageId: id, index });
});
