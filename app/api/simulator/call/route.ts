// POST /api/simulator/call — place a simulated call to the business's number (simulator mode only); a missed one
// may leave a voicemail.
import { z } from "zod";
import { requireMember } from "@/lib/auth/session";
import { apiRoute, readJson } from "@/lib/http/route";
import { e164Schema } from "@/lib/telephony/phone";
import { assertSimulatorMode } from "@/lib/telephony/simulator/assert-simulator-mode";
import { simulateCall } from "@/lib/telephony/simulator/simulate-call";

export const dynamic = "force-dynamic";

const bodySchema = z
  .object({
    from: z.union([z.literal("anonymous"), e164Schema]),
    isAnswered: z.boolean().default(false),
    callerName: z.string().trim().max(60).optional(),
    voicemail: z
      .object({ transcript: z.string().trim().max(500).optional() })
      .strict()
      .optional(),
  })
  .strict();

export const POST = apiRoute(async (request) => {
  assertSimulatorMode();
  const member = await requireMember(request);
  const input = await readJson(request, bodySchema);
  return Response.json(await simulateCall({ businessId: member.businessId, ...input }));
});
