// The append-only log: every message, call, status change, takeover and AI tool call, with who did it.
import type { Prisma, PrismaClient } from "@prisma/client";
import { db } from "@/lib/db/client";
import { publishLive } from "@/lib/events/bus";
import { logger } from "@/lib/log";

export type Actor = { kind: "system" | "customer" | "ai" | "user" | "twilio"; userId?: string | null };

export type EventInput = {
  businessId: string;
  threadId?: string | null;
  leadId?: string | null;
  callId?: string | null;
  type: string;
  actor: Actor;
  payload?: Prisma.InputJsonValue;
};

type Client = Pick<PrismaClient, "event"> | Prisma.TransactionClient;

/** Stores an Event (inside `tx` when given). Call publishRecordedEvent after the transaction commits. */
export async function recordEvent(input: EventInput, client: Client = db) {
  return client.event.create({
    data: {
      businessId: input.businessId,
      threadId: input.threadId ?? null,
      leadId: input.leadId ?? null,
      callId: input.callId ?? null,
      type: input.type,
      actorKind: input.actor.kind,
      actorUserId: input.actor.userId ?? null,
      payload: input.payload ?? {},
    },
    select: { id: true, businessId: true, threadId: true, type: true, createdAt: true },
  });
}

/** Tells live subscribers (inbox, thread view) about stored events; failures only cost a re-fetch. */
export async function publishRecordedEvents(
  events: { id: bigint; businessId: string; threadId: string | null; type: string }[],
): Promise<void> {
  for (const event of events) {
    await publishLive({
      businessId: event.businessId,
      threadId: event.threadId,
      id: event.id.toString(),
      type: event.type,
    }).catch((error: unknown) => logger.warn({ err: error, type: event.type }, "live publish failed"));
  }
}

/** recordEvent + publish, for writes that are not part of a larger transaction. */
export async function recordAndPublishEvent(input: EventInput) {
  const event = await recordEvent(input);
  await publishRecordedEvents([event]);
  return event;
}
