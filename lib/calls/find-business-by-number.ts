// Webhooks find the business by the Twilio number that was called (`To`). A number no business owns is never
// matched to anyone: it gets a health event and a log line, nothing else.
import { db } from "@/lib/db/client";
import { logger, maskPhone } from "@/lib/log";
import { toE164 } from "@/lib/telephony/phone";

export async function findBusinessByNumber(to: string) {
  const e164 = toE164(to) ?? to;
  const number = await db.phoneNumber.findUnique({
    where: { e164 },
    select: {
      business: {
        select: {
          id: true,
          name: true,
          routingMode: true,
          forwardTo: true,
          ringTimeoutSeconds: true,
          whisperEnabled: true,
          minAnsweredSeconds: true,
          greetingMessage: true,
        },
      },
    },
  });
  if (number) return number.business;
  logger.warn({ to: maskPhone(e164) }, "call or message to a number no business owns");
  await db.healthEvent
    .create({ data: { kind: "unknown_number", detail: { to: maskPhone(e164) } } })
    .catch((error: unknown) => logger.error({ err: error }, "could not record unknown number"));
  return null;
}

export type CallBusiness = NonNullable<Awaited<ReturnType<typeof findBusinessByNumber>>>;
