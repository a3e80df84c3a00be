// Hands a lead event to the business's CRM webhooks: one durable delivery per subscribed endpoint.
import { randomUUID } from "node:crypto";
import type { Prisma } from "@prisma/client";
import { db } from "@/lib/db/client";
import { enqueue } from "@/lib/jobs/boss";

export const webhookEventTypes = ["lead.created", "lead.updated", "call.missed", "conversation.handed_off"] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

export async function emitWebhookEventInTx(
  tx: Prisma.TransactionClient,
  { businessId, type, data }: { businessId: string; type: WebhookEventType; data: Record<string, unknown> },
) {
  const endpoints = await tx.webhookEndpoint.findMany({
    where: { businessId, isActive: true },
    select: { id: true, events: true },
  });
  const eventId = `evt_${randomUUID().replaceAll("-", "")}`;
  const payload = { id: eventId, type, createdAt: new Date().toISOString(), data } as Prisma.InputJsonValue;
  for (const endpoint of endpoints) {
    if (endpoint.events.length > 0 && !endpoint.events.includes(type)) continue;
    const delivery = await tx.webhookDelivery.create({
      data: { businessId, endpointId: endpoint.id, eventId, eventType: type, payload },
      select: { id: true },
    });
    await enqueue("deliver-webhook", { deliveryId: delivery.id }, { tx });
  }
}

export function emitWebhookEvent(input: { businessId: string; type: WebhookEventType; data: Record<string, unknown> }) {
  return db.$transaction((tx) => emitWebhookEventInTx(tx, input));
}
