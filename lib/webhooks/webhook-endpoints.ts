// CRM webhook endpoints of one business (owner only at the routes). The secret is shown once, on create or rotate.
import { invalidateBusinessProfile } from "@/lib/business/business-profile";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/db/new-id";
import { runTransaction } from "@/lib/db/run-transaction";
import { assertOutboundUrl } from "@/lib/outbound/outbound-url-rule";
import { webhookEventTypes } from "@/lib/webhooks/emit-webhook-event";
import { generateWebhookSecret } from "@/lib/webhooks/sign-webhook";

// The shape here; the outbound rule (public https addresses only, lib/outbound) is checked when the URL is saved.
const endpointUrl = z.string().trim().url().max(2000);

export const webhookEndpointCreateSchema = z
  .object({ url: endpointUrl, events: z.array(z.enum(webhookEventTypes)).max(10).default([]) })
  .strict();

export const webhookEndpointPatchSchema = z
  .object({
    url: endpointUrl,
    events: z.array(z.enum(webhookEventTypes)).max(10),
    isActive: z.boolean(),
    rotateSecret: z.literal(true),
  })
  .partial()
  .strict();

const publicSelect = { id: true, url: true, events: true, isActive: true, createdAt: true, updatedAt: true } as const;

export function listWebhookEndpoints({ businessId }: { businessId: string }) {
  return db.webhookEndpoint.findMany({ where: { businessId }, orderBy: { createdAt: "asc" }, select: publicSelect });
}

export async function createWebhookEndpoint({
  businessId,
  input,
}: {
  businessId: string;
  input: z.infer<typeof webhookEndpointCreateSchema>;
}) {
  await assertOutboundUrl(input.url, "url");
  const secret = generateWebhookSecret();
  const endpoint = await db.webhookEndpoint.create({
    data: { businessId, url: input.url, events: input.events, secret },
    select: publicSelect,
  });
  await invalidateBusinessProfile(businessId);
  return { ...endpoint, secret };
}

async function requireEndpoint(businessId: string, endpointId: string) {
  const endpoint = await db.webhookEndpoint.findFirst({ where: { id: endpointId, businessId }, select: { id: true } });
  if (!endpoint) throw new AppError("not_found", "Webhook endpoint not found.");
  return endpoint;
}

export async function updateWebhookEndpoint({
  businessId,
  endpointId,
  patch,
}: {
  businessId: string;
  endpointId: string;
  patch: z.infer<typeof webhookEndpointPatchSchema>;
}) {
  await requireEndpoint(businessId, endpointId);
  if (patch.url !== undefined) await assertOutboundUrl(patch.url, "url");
  const { rotateSecret, ...fields } = patch;
  const secret = rotateSecret ? generateWebhookSecret() : undefined;
  const endpoint = await db.webhookEndpoint.update({
    where: { id: endpointId },
    data: { ...fields, ...(secret ? { secret } : {}) },
    select: publicSelect,
  });
  await invalidateBusinessProfile(businessId);
  return secret ? { ...endpoint, secret } : endpoint;
}

export async function deleteWebhookEndpoint({ businessId, endpointId }: { businessId: string; endpointId: string }) {
  await requireEndpoint(businessId, endpointId);
  await db.webhookEndpoint.delete({ where: { id: endpointId } });
  await invalidateBusinessProfile(businessId);
}

export async function listWebhookDeliveries({ businessId, endpointId }: { businessId: string; endpointId: string }) {
  await requireEndpoint(businessId, endpointId);
  return db.webhookDelivery.findMany({
    where: { businessId, endpointId },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: {
      id: true,
      eventId: true,
      eventType: true,
      status: true,
      attempts: true,
      lastStatusCode: true,
      lastError: true,
      createdAt: true,
      deliveredAt: true,
    },
  });
}

/** "Send test event": one delivery of a `webhook.test` event to this endpoint only, through the same job. */
export async function sendTestWebhookEvent({ businessId, endpointId }: { businessId: string; endpointId: string }) {
  await requireEndpoint(businessId, endpointId);
  const eventId = `evt_test_${crypto.randomUUID().replaceAll("-", "")}`;
  const payload = {
    id: eventId,
    type: "webhook.test",
    createdAt: new Date().toISOString(),
    data: { message: "A test event from Ringback. Verify the Ringback-Signature header and answer 2xx." },
  };
  return runTransaction(async (tx, outbox) => {
    const delivery = await tx
      .insertInto("WebhookDelivery")
      .values({
        id: newId(),
        businessId,
        endpointId,
        eventId,
        eventType: "webhook.test",
        payload: JSON.stringify(payload),
        updatedAt: new Date(),
      })
      .returning(["id", "eventId", "status"])
      .executeTakeFirstOrThrow();
    outbox.enqueue("deliver-webhook", { deliveryId: delivery.id });
    return delivery;
  });
}
