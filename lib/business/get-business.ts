// Reads and writes one business's settings, always by the signed-in member's businessId.
import { businessSelect, type BusinessPatch } from "@/lib/business/business-schema";
import { businessHoursSchema, defaultBusinessHours } from "@/lib/business/business-hours";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { recordAndPublishEvent } from "@/lib/events/record-event";

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
    webhookUrls: twilioWebhookUrls(),
    isSimulator: env().twilio.isSimulator,
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
  if (changed.length > 0) {
    await db.business.update({ where: { id: businessId }, data: patch, select: { id: true } });
    await recordAndPublishEvent({
      businessId,
      type: "availability" in patch && changed.length === 1 ? "business.availability_changed" : "business.updated",
      actor: { kind: "user", userId },
      payload: { fields: changed, ...(patch.available === undefined ? {} : { available: patch.available }) },
    });
  }
  return getBusiness({ businessId });
}
