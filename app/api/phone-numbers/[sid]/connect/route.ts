// POST /api/phone-numbers/{sid}/connect — point the account's number {sid} at Ringback and answer with what Twilio
// now says (read back). Owner only; in simulator mode there is no account, so no number (404).
import { requireMember } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { apiRoute } from "@/lib/http/route";
import { connectNumber } from "@/lib/telephony/numbers/connect-number";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ sid: string }> };

export const POST = apiRoute<Context>(async (request, { params }) => {
  const owner = await requireMember(request, { role: "owner" });
  const { sid } = await params;
  if (env().twilio.isSimulator) {
    throw new AppError(
      "not_found",
      "Simulator mode: no Twilio account is configured, so there is no number to change.",
    );
  }
  if (!/^PN[0-9a-fA-F]{32}$/.test(sid)) throw new AppError("not_found", "No such number in the Twilio account.");
  return Response.json({ number: await connectNumber({ businessId: owner.businessId, sid }) });
});
