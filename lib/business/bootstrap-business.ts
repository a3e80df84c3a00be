// First start with no business: create one from BOOTSTRAP_* (a demo business and its owner). Idempotent.
import { defaultAutoReplyTemplate } from "@/lib/business/auto-reply-template";
import { defaultBusinessHours } from "@/lib/business/business-hours";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import { toE164 } from "@/lib/telephony/phone";

export async function bootstrapBusiness(): Promise<{ created: boolean }> {
  if ((await db.business.count()) > 0) return { created: false };
  const config = env().bootstrap;
  const twilioNumber = toE164(config.twilioNumber) ?? config.twilioNumber;
  const forwardTo = toE164(config.forwardTo);
  const passwordHash = await hashPassword(config.ownerPassword);
  await db.$transaction(async (tx) => {
    // Re-check inside the transaction with a lock, so two processes starting together create one business.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(4242001)`;
    if ((await tx.business.count()) > 0) return;
    const business = await tx.business.create({
      data: {
        name: config.businessName,
        timezone: config.timezone,
        businessHours: defaultBusinessHours,
        forwardTo,
        autoReplyTemplate: defaultAutoReplyTemplate,
        services: "Leak repair, drain cleaning, water heaters, boiler and furnace repair, emergency call-outs",
        serviceArea: "Within 25 miles of downtown",
        phoneNumbers: { create: { e164: twilioNumber, label: "Main" } },
      },
    });
    const user = await tx.user.upsert({
      where: { email: config.ownerEmail.toLowerCase() },
      create: { email: config.ownerEmail.toLowerCase(), name: "Owner", passwordHash },
      update: {},
    });
    await tx.membership.create({ data: { userId: user.id, businessId: business.id, role: "owner", phone: forwardTo } });
  });
  logger.info({ business: config.businessName, owner: config.ownerEmail }, "bootstrap business created");
  return { created: true };
}
