// Webhooks find the business by the Twilio number that was called (`To`), from this process's cache of business
// profiles (lib/business/business-profile.ts): a webhook of a known number reads nothing to find it. A number no
// business owns is never matched to anyone: it gets a health event and a log line, nothing else.
import { getBusinessByNumber, type BusinessProfile } from "@/lib/business/business-profile";
import { recordHealthEvent } from "@/lib/health/record-health-event";
import { logger, maskPhone } from "@/lib/log";
import { toE164 } from "@/lib/telephony/phone";

export type CallBusiness = BusinessProfile;

export async function findBusinessByNumber(to: string, webhook?: "sms"): Promise<CallBusiness | null> {
  const e164 = toE164(to) ?? to;
  const business = await getBusinessByNumber(e164);
  if (business) return business;
  logger.warn(
    { to: maskPhone(e164) },
    webhook ? "inbound SMS to an unknown number" : "call or message to a number no business owns",
  );
  await recordHealthEvent({ kind: "unknown_number" }).catch((error: unknown) =>
    logger.error({ err: error }, "could not record unknown number"),
  );
  return null;
}
