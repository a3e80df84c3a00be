// The simulated handset answers, declines or hangs up a call the business placed to it (Call back): Twilio's
// status callback for that call, signed, through the real /api/twilio/call-status route.
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { postTwilioWebhook } from "@/lib/telephony/simulator/post-twilio-webhook";
import { SIMULATOR_ACCOUNT_SID } from "@/lib/telephony/simulator/simulator-sids";

export const handsetActions = ["answer", "decline", "hang_up"] as const;
export type HandsetAction = (typeof handsetActions)[number];

const statusFor: Record<HandsetAction, string> = {
  answer: "in-progress",
  decline: "no-answer",
  hang_up: "completed",
};

export async function simulateCallProgress({
  businessId,
  callId,
  action,
}: {
  businessId: string;
  callId: string;
  action: HandsetAction;
}) {
  const call = await db.call.findFirst({
    where: { id: callId, businessId, direction: "outbound" },
    select: { callSid: true, fromNumber: true, toNumber: true },
  });
  if (!call) throw new AppError("not_found", "Call not found.");
  const answer = await postTwilioWebhook("/api/twilio/call-status", {
    AccountSid: SIMULATOR_ACCOUNT_SID,
    CallSid: call.callSid,
    CallStatus: statusFor[action],
    From: call.fromNumber,
    To: call.toNumber,
    Direction: "outbound-api",
    ApiVersion: "2010-04-01",
  });
  if (answer.status >= 300) throw new AppError("internal", `The call status webhook answered ${answer.status}.`);
  const updated = await db.call.findUniqueOrThrow({ where: { callSid: call.callSid }, select: { status: true } });
  return { id: callId, status: updated.status };
}
