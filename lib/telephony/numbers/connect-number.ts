// One click: point one of the account's numbers at Ringback (voice, fallback, SMS, call status, each POST), read
// the number back from Twilio to show what it now says, and match the number to the business so its calls and
// texts land here. The Twilio account serves every business of this Ringback: a number another business uses is
// not this business's to see or change (404, as for anything of another business).
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { logger, maskPhone } from "@/lib/log";
import { toAccountNumber, type AccountNumber } from "@/lib/telephony/numbers/account-number";
import { numberWebhookUrls } from "@/lib/telephony/number-webhook-urls";
import { getTwilioClient } from "@/lib/telephony/twilio-client";

export async function connectNumber({ businessId, sid }: { businessId: string; sid: string }): Promise<AccountNumber> {
  const client = getTwilioClient();
  const current = await client
    .incomingPhoneNumbers(sid)
    .fetch()
    .catch((error: { status?: number }) => {
      if (error.status === 404) throw new AppError("not_found", "This number is not in the Twilio account.");
      throw new AppError("service_unavailable", "Twilio did not answer; try again shortly.");
    });
  const owner = await db.phoneNumber.findUnique({ where: { e164: current.phoneNumber }, select: { businessId: true } });
  if (owner && owner.businessId !== businessId) {
    throw new AppError("not_found", "This number is not in the Twilio account.");
  }
  const urls = numberWebhookUrls();
  try {
    await client.incomingPhoneNumbers(sid).update(urls);
  } catch (error) {
    const { status, code, message } = error as { status?: number; code?: number; message?: string };
    logger.warn({ status, code }, "Twilio refused the number's webhook settings");
    if (status && status < 500) throw new AppError("bad_request", `Twilio refused the settings: ${message ?? code}.`);
    throw new AppError("service_unavailable", "Twilio did not answer; try again shortly.");
  }
  // Read back: what Twilio stored is what calls will use, whatever we asked for.
  const connected = toAccountNumber(await client.incomingPhoneNumbers(sid).fetch());
  if (!owner) {
    await db.phoneNumber.createMany({ data: [{ businessId, e164: connected.phoneNumber }], skipDuplicates: true });
  }
  logger.info({ number: maskPhone(connected.phoneNumber), drift: connected.drift.length }, "number connected");
  return connected;
}
