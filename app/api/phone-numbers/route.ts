// GET /api/phone-numbers — number setup (owner): the Twilio account's numbers and their webhook settings, or in
// simulator mode the settings Ringback would give a number.
import { requireMember } from "@/lib/auth/session";
import { apiRoute } from "@/lib/http/route";
import { getNumberSetup } from "@/lib/telephony/numbers/get-number-setup";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request) => {
  const owner = await requireMember(request, { role: "owner" });
  return Response.json(await getNumberSetup({ businessId: owner.businessId }), {
    headers: { "Cache-Control": "private, no-store" },
  });
});
