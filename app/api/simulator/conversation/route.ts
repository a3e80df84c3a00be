// GET /api/simulator/conversation?phone=+1… — the texts the simulated phone has (simulator mode only).
import { requireMember } from "@/lib/auth/session";
import { apiRoute } from "@/lib/http/route";
import { e164Schema } from "@/lib/telephony/phone";
import { assertSimulatorMode } from "@/lib/telephony/simulator/assert-simulator-mode";
import { getSimulatorConversation } from "@/lib/telephony/simulator/get-simulator-conversation";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request) => {
  assertSimulatorMode();
  const member = await requireMember(request);
  const phone = e164Schema.parse(new URL(request.url).searchParams.get("phone") ?? "");
  return Response.json({ messages: await getSimulatorConversation({ businessId: member.businessId, phone }) });
});
