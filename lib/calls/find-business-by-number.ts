// Webhooks find the business by the Twilio number that was called (`To`). A number no business owns is never
// matched to anyone: it gets a health event and a log line, nothing else.
import { sql } from "kysely";
import { db } from "@/lib/db/client";
import { sqlDb } from "@/lib/db/kysely";
import { logger, maskPhone } from "@/lib/log";
import { toE164 } from "@/lib/telephony/phone";

/** What the call and message webhooks need to know about a business, read in one statement. */
export async function loadCallBusiness(e164: string) {
  return sqlDb()
    .selectFrom("PhoneNumber")
    .innerJoin("Business", "Business.id", "PhoneNumber.businessId")
    .select([
      "Business.id as id",
      "Business.name as name",
      "Business.routingMode as routingMode",
      "Business.forwardTo as forwardTo",
      "Business.ringTimeoutSeconds as ringTimeoutSeconds",
      "Business.whisperEnabled as whisperEnabled",
      "Business.minAnsweredSeconds as minAnsweredSeconds",
      "Business.greetingMessage as greetingMessage",
      "Business.autoReplyTemplate as autoReplyTemplate",
      "Business.autoReplyTemplateEs as autoReplyTemplateEs",
      "Business.autoReplyLanguage as autoReplyLanguage",
      "Business.bookingUrl as bookingUrl",
      "Business.repeatWindowMinutes as repeatWindowMinutes",
      "Business.ignoreList as ignoreList",
      "Business.followUpEnabled as followUpEnabled",
      "Business.followUpDelayMinutes as followUpDelayMinutes",
      sql<
        string[]
      >`(SELECT coalesce(array_agg(p.e164 ORDER BY p."createdAt"), '{}') FROM "PhoneNumber" p WHERE p."businessId" = "Business".id)`.as(
        "phoneNumbers",
      ),
      sql<
        (string | null)[]
      >`(SELECT coalesce(array_agg(m.phone), '{}') FROM "Membership" m WHERE m."businessId" = "Business".id)`.as(
        "memberPhones",
      ),
    ])
    .where("PhoneNumber.e164", "=", e164)
    .executeTakeFirst();
}

export type CallBusiness = NonNullable<Awaited<ReturnType<typeof loadCallBusiness>>>;

export async function findBusinessByNumber(to: string): Promise<CallBusiness | null> {
  const e164 = toE164(to) ?? to;
  const business = await loadCallBusiness(e164);
  if (business) return business;
  logger.warn({ to: maskPhone(e164) }, "call or message to a number no business owns");
  await db.healthEvent
    .create({ data: { kind: "unknown_number", detail: { to: maskPhone(e164) } } })
    .catch((error: unknown) => logger.error({ err: error }, "could not record unknown number"));
  return null;
}
