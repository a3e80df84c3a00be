// POST /api/threads/{id}/call-back — ring the signed-in member's phone and bridge them to the customer, showing the
// business number. 404 for another business's thread; 409 when there is no phone to ring or number to call from.
import { requireMember } from "@/lib/auth/session";
import { callBack } from "@/lib/calls/call-back";
import { apiRoute } from "@/lib/http/route";
import type { ThreadRouteContext } from "../params";

export const dynamic = "force-dynamic";

export const POST = apiRoute<ThreadRouteContext>(async (request, { params }) => {
  const member = await requireMember(request);
  const { id } = await params;
  const result = await callBack({ businessId: member.businessId, threadId: id, userId: member.userId });
  return Response.json(
    {
      callId: result.call.id,
      callSid: result.call.callSid,
      status: result.call.status,
      simulated: result.simulated,
      ringing: result.professionalPhone,
    },
    { status: 202 },
  );
});
