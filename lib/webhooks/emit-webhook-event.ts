// Hands a lead event to the business's CRM webhooks: one durable delivery per subscribed endpoint, written in
// the caller's unit of work.
import { randomUUID } from "node:crypto";
import { getBusinessProfile } from "@/lib/business/business-profile";
import { newId } from "@/lib/db/new-id";
import type { Tx } from "@/lib/db/kysely";
import type { Outbox } from "@/lib/db/run-transaction";

export const webhookEventTypes = ["lead.created", "lead.updated", "call.missed", "conversation.handed_off"] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

export async function emitWebhookEventInTx(
  tx: Tx,
  outbox: Outbox,
  { businessId, type, data }: { businessId: string; type: WebhookEventType; data: Record<string, unknown> },
) {
  // The active endpoints come from the business cache: a business without CRM webhooks pays nothing here.
  const endpoints = (await getBusinessProfile(businessId, tx)).webhookEndpoints;
  const subscribed = endpoints.filter((endpoint) => endpoint.events.length === 0 || endpoint.events.includes(type));
  if (subscribed.length === 0) return;
  const eventId = `evt_${randomUUID().replaceAll("-", "")}`;
  const payload = JSON.stringify({ id: eventId, type, createdAt: new Date().toISOString(), data });
  const now = new Date();
  const deliveries = subscribed.map((endpoint) => ({
    id: newId(),
    businessId,
    endpointId: endpoint.id,
    eventId,
    eventType: type,
    payload,
    createdAt: now,
    updatedAt: now,
  }));
  await tx.insertInto("WebhookDelivery").values(deliveries).execute();
  for (const delivery of deliveries) outbox.enqueue("deliver-webhook", { deliveryId: delivery.id });
}
