// Twilio Lookup line type ("mobile", "landline", "voip"…), asked once per number and cached in PhoneLookup.
// A failed lookup never blocks a send: the delivery error would tell us about a landline anyway.
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { logger, maskPhone } from "@/lib/log";
import { getTwilioClient } from "@/lib/telephony/twilio-client";

export async function lookupLineType(phone: string): Promise<string | null> {
  const cached = await db.phoneLookup.findUnique({ where: { phone }, select: { lineType: true } });
  if (cached) return cached.lineType;
  if (env().twilio.isSimulator) return null;
  try {
    const result = await getTwilioClient().lookups.v2.phoneNumbers(phone).fetch({ fields: "line_type_intelligence" });
    // twilio-node hands the line type as LineTypeIntelligenceInfo, its fields camel-cased (carrier_name → carrierName).
    const intelligence = result.lineTypeIntelligence;
    const lineType = intelligence?.type ?? null;
    const carrier = intelligence?.carrierName ?? null;
    await db.phoneLookup.upsert({
      where: { phone },
      create: { phone, lineType, carrier },
      update: { lineType, carrier },
    });
    return lineType;
  } catch (error) {
    logger.warn({ err: error, phone: maskPhone(phone) }, "line type lookup failed; sending anyway");
    return null;
  }
}
