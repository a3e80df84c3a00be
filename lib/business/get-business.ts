// Reads and writes one business's settings, always by the signed-in member's businessId.
import { invalidateBusinessProfile } from "@/lib/business/business-profile";
import { toAutoReplyLanguage, usesMissingBookingLink } from "@/lib/business/auto-reply-template";
import { businessSelect, type BusinessPatch } from "@/lib/business/business-schema";
import { businessHoursSchema, defaultBusinessHours } from "@/lib/business/business-hours";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";

export function twilioWebhookUrls() {
  const base = env().publicBaseUrl;
  return { voice: `${base}/api/twilio/voice`, sms: `${base}/api/twilio/sms` };
}

export async function getBusiness({ businessId }: { businessId: string }) {
  const business = await db.business.findUnique({ where: { id: businessId }, select: businessSelect });
  if (!business) throw new AppError("not_found", "Business not found.");
  const hours = businessHoursSchema.safeParse(business.businessHours);
  return {
    ...business,
    businessHours: hours.success ? hours.data : defaultBusinessHours,
    autoReplyLanguage: toAutoReplyLanguage(business.autoReplyLanguage),
    webhookUrls: twilioWebhookUrls(),
    isSimulator: env().twilio.isSimulator,
    /** the window a business gets while aiEngageDelaySeconds is null (AI_ENGAGE_DELAY_SECONDS) */
    defaultAiEngageDelaySeconds: env().ai.engageDelaySeconds,
  };
}

export type BusinessSettings = Awaited<ReturnType<typeof getBusiness>>;

export async function updateBusiness({
  businessId,
  userId,
  patch,
}: {
  businessId: string;
  userId: string;
  patch: BusinessPatch;
}) {
  const changed = Object.keys(patch);
  await assertBookingLinkForTemplates({ businessId, patch });
  if (changed.length > 0) {
    await db.business.update({ where: { id: businessId }, data: patch, select: { id: true } });
    await invalidateBusinessProfile(businessId);
    await recordEvent(
      "available" in patch && changed.length === 1 ? "business.availability_changed" : "business.updated",
      { fields: changed, ...(patch.available === undefined ? {} : { available: patch.available }) },
      { businessId, actor: { kind: "user", userId } },
    );
  }
  return getBusiness({ businessId });
}

/**
 * {booking_link} with no booking link would send "Book here: ." to a customer: refused, on the field the owner
 * changed (the template, or the link being removed). Checked only when one of them changes, so an old template never
 * blocks an unrelated save.
 */
async function assertBookingLinkForTemplates({ businessId, patch }: { businessId: string; patch: BusinessPatch }) {
  const touched = ["autoReplyTemplate", "autoReplyTemplateEs", "bookingUrl"] as const;
  if (!touched.some((key) => patch[key] !== undefined)) return;
  const current = await db.business.findUnique({
    where: { id: businessId },
    select: { autoReplyTemplate: true, autoReplyTemplateEs: true, bookingUrl: true },
  });
  if (!current) throw new AppError("not_found", "Business not found.");
  const next = { ...current, ...patch };
  const details = (["autoReplyTemplate", "autoReplyTemplateEs"] as const)
    .filter((key) => usesMissingBookingLink(next[key], next.bookingUrl ?? null))
    .map((key) => ({
      path: patch[key] === undefined ? "bookingUrl" : key,
      message:
        patch[key] === undefined
          ? "The auto-reply uses {booking_link}: take it out of the message before removing the link."
          : "{booking_link} has no value: add a booking link to the profile, or take it out of the message.",
    }));
  if (details.length > 0) throw new AppError("validation_failed", details[0]!.message, details);
}
