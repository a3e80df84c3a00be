// When the AI answers a customer, in one place: the length of the human-priority window, the hours and availability
// rule that holds the AI back, and what a thread shows about it (the countdown's deadline, or "waiting on a person").
// The ai-turn job decides with `isAiHeldBack`; the thread API, the inbox and the push read `aiOutlook`, which asks the
// same question for the turn that is queued, so the screen never promises an answer the job would not give.
import { businessHoursSchema, defaultBusinessHours, isWithinBusinessHours } from "@/lib/business/business-hours";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { AiTurnReason } from "@/lib/conversations/schedule-ai-turn";

export type AiRuleBusiness = {
  aiEnabled: boolean;
  available: boolean;
  /** as stored (JSON); an unreadable value counts as the default hours */
  businessHours: unknown;
  timezone: string;
  /** null: the server's default (AI_ENGAGE_DELAY_SECONDS) */
  aiEngageDelaySeconds: number | null;
};

/** The Business columns the rule reads (a Prisma select). */
export const aiRuleBusinessSelect = {
  aiEnabled: true,
  available: true,
  businessHours: true,
  timezone: true,
  aiEngageDelaySeconds: true,
} as const satisfies Record<keyof AiRuleBusiness, true>;

/** The human-priority window of a business, in seconds. */
export function humanPriorityWindowSeconds(business: Pick<AiRuleBusiness, "aiEngageDelaySeconds">): number {
  return business.aiEngageDelaySeconds ?? env().ai.engageDelaySeconds;
}

/** When the AI's turn for a customer message received at `receivedAt` is due: the end of its window. */
export function windowDeadlineFor(receivedAt: Date, business: Pick<AiRuleBusiness, "aiEngageDelaySeconds">): Date {
  return new Date(receivedAt.getTime() + humanPriorityWindowSeconds(business) * 1000);
}

/**
 * Does the rule hold the AI back from a turn run at `at`? With the AI switched off, always. When the window ends
 * (`reason` "window") inside business hours with the professional marked available, the notification stands and a
 * person answers. "Let AI handle" and a conversation the AI already has are not held back by hours.
 */
export function isAiHeldBack(business: AiRuleBusiness, { reason, at }: { reason: AiTurnReason; at: Date }): boolean {
  if (!business.aiEnabled) return true;
  if (reason !== "window" || !business.available) return false;
  const hours = businessHoursSchema.safeParse(business.businessHours);
  return isWithinBusinessHours({
    hours: hours.success ? hours.data : defaultBusinessHours,
    timeZone: business.timezone,
    at,
  });
}

export type AiOutlookThread = {
  mode: "auto" | "ai" | "human" | "closed";
  /** when the queued AI turn is due (null: none queued) */
  windowDeadline: Date | null;
  /** the stored flag: the AI's turn decided a person answers, or the AI handed the conversation off */
  isWaitingOnPerson: boolean;
  /** an AI reply is being written right now */
  isAiWriting: boolean;
  isOptedOut: boolean;
};

export type AiOutlook = {
  /** when the AI will answer if nobody acts; null when no AI turn is pending (or the rule holds it back) */
  aiDueAt: Date | null;
  /** the hours and availability rule (or a hand-off) leaves the customer to a person: the AI will not answer */
  waitingOnPerson: boolean;
};

/** What the thread shows about the AI's next answer. Pure: the callers read the thread and its business. */
export function aiOutlook(thread: AiOutlookThread, business: AiRuleBusiness): AiOutlook {
  if (thread.mode === "closed") return { aiDueAt: null, waitingOnPerson: false };
  if (thread.mode === "human" || thread.isOptedOut) return { aiDueAt: null, waitingOnPerson: thread.isWaitingOnPerson };
  if (thread.isAiWriting) return { aiDueAt: null, waitingOnPerson: false };
  if (!thread.windowDeadline) return { aiDueAt: null, waitingOnPerson: thread.isWaitingOnPerson };
  // The queued turn's reason follows the mode: a window turn while the auto-text holds the conversation, an
  // immediate one once the AI has it (a message while it is active, or "Let AI handle").
  const reason: AiTurnReason = thread.mode === "auto" ? "window" : "ai_active";
  if (isAiHeldBack(business, { reason, at: thread.windowDeadline })) return { aiDueAt: null, waitingOnPerson: true };
  return { aiDueAt: thread.windowDeadline, waitingOnPerson: false };
}

/** The outlook as the API sends it: the deadline, and how far away it is by the server's clock (the countdown runs
 *  from that, so a phone whose clock is off still counts down right). */
export function aiOutlookJson(outlook: AiOutlook, now = new Date()) {
  return {
    aiDueAt: outlook.aiDueAt?.toISOString() ?? null,
    aiDueInMs: outlook.aiDueAt ? outlook.aiDueAt.getTime() - now.getTime() : null,
    waitingOnPerson: outlook.waitingOnPerson,
  };
}

/** The outlook of one thread, read now (the push reads it as it goes out). Null for an unknown thread. */
export async function loadAiOutlook(threadId: string): Promise<AiOutlook | null> {
  const thread = await db.thread.findUnique({
    where: { id: threadId },
    select: {
      mode: true,
      windowDeadline: true,
      isWaitingOnPerson: true,
      aiGenerationId: true,
      lead: { select: { isOptedOut: true } },
      business: { select: aiRuleBusinessSelect },
    },
  });
  if (!thread) return null;
  return aiOutlook(
    { ...thread, isAiWriting: Boolean(thread.aiGenerationId), isOptedOut: thread.lead.isOptedOut },
    thread.business,
  );
}
