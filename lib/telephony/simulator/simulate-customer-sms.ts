// A text typed on /simulator as the customer: a signed inbound-SMS webhook, exactly as Twilio would post it.
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { postTwilioWebhook } from "@/lib/telephony/simulator/post-twilio-webhook";
import { SIMULATOR_ACCOUNT_SID, simulatedSid } from "@/lib/telephony/simulator/simulator-sids";

export async function simulateCustomerSms({
  businessId,
  from,
  body,
}: {
  businessId: string;
  from: string;
  body: string;
}) {
  const number = await db.phoneNumber.findFirst({
    where: { businessId },
    orderBy: { createdAt: "asc" },
    select: { e164: true },
  });
  if (!number) throw new AppError("conflict", "This business has no phone number to text.");
  const messageSid = simulatedSid("SM");
  const answer = await postTwilioWebhook("/api/twilio/sms", {
    AccountSid: SIMULATOR_ACCOUNT_SID,
    MessageSid: messageSid,
    SmsSid: messageSid,
    SmsMessageSid: messageSid,
    From: from,
    To: number.e164,
    Body: body,
    NumMedia: "0",
    NumSegments: "1",
    ApiVersion: "2010-04-01",
  });
  if (answer.status >= 300) throw new AppError("internal", `The SMS webhook answered ${answer.status}.`);
  return { messageSid };
}
