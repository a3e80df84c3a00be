// GET /api/simulator/conversation?phone=+1… — the texts the simulated phone has and the calls it received from the
// business (a professional's Call back), simulator mode only.
import { requireMember } from "@/lib/auth/session";
import { apiRoute } from "@/lib/http/route";
import { e164Schema } from "@/lib/telephony/phone";
import { assertSimulatorMode } from "@/lib/telephony/simulator/assert-simulator-mode";
import { getSimulatorIncomingCalls } from "@/lib/telephony/simulator/get-simulator-calls";
import { getSimulatorConversation } from "@/lib/telephony/simulator/get-simulator-conversation";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request) => {
  assertSimulatorMode();
  const member = await requireMember(request);
  const phone = e164Schema.parse(new URL(request.url).searchParams.get("phone") ?? "");
  const [messages, calls] = await Promise.all([
    getSimulatorConversation({ businessId: member.businessId, phone }),
    getSimulatorIncomingCalls({ businessId: member.businessId, phone }),
  ]);
  return Response.json({ messages, calls });
});
