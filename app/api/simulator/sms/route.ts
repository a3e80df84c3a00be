// POST /api/simulator/sms — text the business as the simulated customer (simulator mode only).
import { z } from "zod";
import { requireMember } from "@/lib/auth/session";
import { apiRoute, readJson } from "@/lib/http/route";
import { e164Schema } from "@/lib/telephony/phone";
import { assertSimulatorMode } from "@/lib/telephony/simulator/assert-simulator-mode";
import { simulateCustomerSms } from "@/lib/telephony/simulator/simulate-customer-sms";

export const dynamic = "force-dynamic";

const bodySchema = z.object({ from: e164Schema, body: z.string().trim().min(1).max(1600) }).strict();

export const POST = apiRoute(async (request) => {
  assertSimulatorMode();
  const member = await requireMember(request);
  const input = await readJson(request, bodySchema);
  return Response.json(await simulateCustomerSms({ businessId: member.businessId, ...input }));
});
