// POST /api/simulator/call-status — the simulated handset answers, declines or hangs up a Call back (simulator mode
// only): `{ "callId", "action": "answer" | "decline" | "hang_up" }`.
import { z } from "zod";
import { requireMember } from "@/lib/auth/session";
import { apiRoute, readJson } from "@/lib/http/route";
import { assertSimulatorMode } from "@/lib/telephony/simulator/assert-simulator-mode";
import { handsetActions, simulateCallProgress } from "@/lib/telephony/simulator/simulate-call-progress";

export const dynamic = "force-dynamic";

const bodySchema = z.object({ callId: z.string().min(1).max(64), action: z.enum(handsetActions) }).strict();

export const POST = apiRoute(async (request) => {
  assertSimulatorMode();
  const member = await requireMember(request);
  const input = await readJson(request, bodySchema);
  return Response.json(await simulateCallProgress({ businessId: member.businessId, ...input }));
});
