// A missed call, in ONE unit of work: the Call (idempotent on CallSid), the lead and thread, the auto-SMS queued
// as a durable job (unless a skip rule applies, recorded with its reason), the members notified, CRM webhooks
// and the log. The webhook answers right after; sending happens in the send-message job.
import { autoReplyLanguageFor, renderAutoReply } from "@/lib/business/auto-reply-template";
import { classifyCaller, type CallerClass } from "@/lib/calls/classify-caller";
import type { CallBusiness } from "@/lib/calls/find-business-by-number";
import { lockCallInTx, type LockedCall } from "@/lib/calls/lock-call";
import { notifyMissedCallInTx } from "@/lib/calls/notify-missed-call";
import { scheduleFollowUp } from "@/lib/conversations/follow-up";
import {
  openConversation,
  type LeadToOpen,
  type LockedLead,
  type LockedThread,
  type OpenedLead,
} from "@/lib/conversations/lock-conversation";
import { queueOutgoingMessageInTx } from "@/lib/conversations/queue-outgoing-message";
import type { Tx } from "@/lib/db/kysely";
import { newId } from "@/lib/db/new-id";
import { runTransaction, type Outbox } from "@/lib/db/run-transaction";
import type { CallSkipReason } from "@/lib/db/generated/kysely-enums";
import { emitWebhookEventInTx } from "@/lib/webhooks/emit-webhook-event";
import type { MissReason } from "@/lib/calls/miss-reason";

export type MissedCallInput = {
  business: CallBusiness;
  callSid: string;
  from: string;
  to: string;
  /** no-answer | busy | failed | canceled | short_answer | not_screened | forwarded | no_forward_to */
  missReason: MissReason;
  dialStatus?: string;
  dialDurationSec?: number;
  /**
   * The call was found by reconciliation with Twilio's records, not told by a webhook: `startedAt` is when it
   * started at Twilio (the call is dated so); the text says "earlier"; past the horizon nothing is texted.
   */
  found?: { startedAt: Date; isBeyondHorizon: boolean };
};

export type MissedCallResult = { callId: string; isDuplicate: boolean; skipReason: CallSkipReason | null };

export function handleMissedCall(input: MissedCallInput): Promise<MissedCallResult> {
  return runTransaction((tx, outbox) => handleMissedCallInTx(tx, outbox, input));
}

/** Since when an earlier auto-reply to the same number makes this caller a repeat caller (not texted again). */
export function autoReplySinceFor(business: Pick<CallBusiness, "repeatWindowMinutes">, detectedAt: Date): Date {
  return new Date(detectedAt.getTime() - business.repeatWindowMinutes * 60_000);
}

/**
 * The lead a missed call opens for its caller, or null: anonymous, invalid, own and ignored numbers make none
 * (there is nobody to text). The Dial action locks it with the call when the outcome is known; the unit of work
 * below opens it otherwise. One rule for both.
 */
export function leadToOpenFor(
  business: Pick<CallBusiness, "id" | "repeatWindowMinutes">,
  caller: CallerClass,
  detectedAt: Date,
): LeadToOpen | null {
  if (!caller.phone || caller.skipReason) return null;
  return {
    businessId: business.id,
    phone: caller.phone,
    source: "call",
    autoReplySince: autoReplySinceFor(business, detectedAt),
  };
}

/**
 * Inside a unit of work; `locked` is the call's row when the caller already locked it (the Dial action), and
 * `openedLead` the caller's lead when it was locked in the same statement (lockCallAndLeadInTx).
 */
export async function handleMissedCallInTx(
  tx: Tx,
  outbox: Outbox,
  input: MissedCallInput,
  locked?: LockedCall,
  openedLead?: OpenedLead,
): Promise<MissedCallResult> {
  const { business } = input;
  const businessId = business.id;
  const call =
    locked ?? (await lockCallInTx(tx, { businessId, callSid: input.callSid, from: input.from, to: input.to }));
  if (call.detectedAt) return { callId: call.id, isDuplicate: true, skipReason: call.skipReason };
  const detectedAt = new Date();
  const caller = classifyCaller(business, input.from);
  const { found } = input;
  let skipReason: CallSkipReason | null = caller.skipReason;
  let thread: Pick<LockedThread, "id"> | null = null;
  /** a new lead has no thread yet: its thread is inserted by the commit's statement, not read and locked first */
  let isThreadDeferred = false;
  let lead: LockedLead | null = null;
  let autoReplyMessageId: string | null = null;
  let autoReplyPreview = "";
  let isRepeat = false;

  const leadToOpen = leadToOpenFor(business, caller, detectedAt);
  if (leadToOpen) {
    // A lead this unit of work created (lockCallAndLeadInTx) can have no thread: no other transaction sees it
    // before the commit, and one that upserts the same number waits for it, then finds this thread.
    isThreadDeferred = openedLead?.isNewLead === true;
    const opened = isThreadDeferred
      ? { ...openedLead!, thread: { id: newId() } }
      : await openConversation(tx, leadToOpen, openedLead);
    ({ lead, thread } = opened);
    // "Test my setup" calls run the whole path but never reach the business's CRM.
    if (opened.isNewLead && !call.isTest)
      await emitWebhookEventInTx(tx, outbox, {
        businessId,
        type: "lead.created",
        data: { leadId: lead.id, phone: leadToOpen.phone, source: "call" },
      });
    if (lead.isOptedOut) skipReason = "opted_out";
    else if (found?.isBeyondHorizon) skipReason = "too_old";
    else if (opened.hasRecentAutoReply) {
      skipReason = "repeat_caller";
      isRepeat = true;
    } else {
      const body = renderAutoReply({
        template: business.autoReplyTemplate,
        templateEs: business.autoReplyTemplateEs,
        // A returning customer whose language is known gets it; a new lead gets the business's choice.
        language: autoReplyLanguageFor(business.autoReplyLanguage, opened.isNewLead ? null : lead),
        businessName: business.name,
        bookingUrl: business.bookingUrl,
        callerNumber: leadToOpen.phone,
        isLate: Boolean(found),
      });
      const queued = await queueOutgoingMessageInTx(tx, outbox, {
        businessId,
        threadId: thread.id,
        body,
        purpose: "auto_reply",
        authorKind: "system",
        lead,
        fromNumber: business.phoneNumbers[0],
        updatesThread: false,
        isInsertDeferred: true,
      });
      autoReplyMessageId = queued.id;
      autoReplyPreview = queued.body.slice(0, 140);
      scheduleFollowUp(outbox, business, thread.id);
    }
  }

  // The call's and the thread's UPDATEs are read by nothing later in this unit of work: they go out with its
  // events and jobs in the commit's one statement.
  outbox.write(
    tx
      .updateTable("Call")
      .set({
        status: "missed",
        isMissed: true,
        missReason: input.missReason,
        dialStatus: input.dialStatus ?? call.dialStatus,
        dialDurationSec: input.dialDurationSec ?? call.dialDurationSec,
        detectedAt,
        detectedBy: found ? "reconciliation" : "webhook",
        ...(found ? { createdAt: found.startedAt } : {}),
        skipReason,
        isRepeat,
        leadId: lead?.id ?? null,
        threadId: thread?.id ?? null,
        autoReplyMessageId,
        updatedAt: detectedAt,
      })
      .where("id", "=", call.id),
  );
  if (thread) {
    // The thread's one write: the auto-SMS (when there is one) and the call both moved it.
    const moved = {
      lastMessageAt: detectedAt,
      updatedAt: detectedAt,
      ...(autoReplyMessageId ? { autoTextedAt: detectedAt, lastMessagePreview: autoReplyPreview } : {}),
    };
    outbox.write(
      isThreadDeferred
        ? tx
            .insertInto("Thread")
            .values({ id: thread.id, businessId, leadId: lead!.id, createdAt: detectedAt, ...moved })
        : tx.updateTable("Thread").set(moved).where("id", "=", thread.id),
    );
  }
  outbox.record(
    "call.missed",
    {
      callSid: input.callSid,
      missReason: input.missReason,
      skipReason,
      isRepeat,
      autoReplyMessageId,
      ...(found ? { detectedBy: "reconciliation" as const } : {}),
    },
    { businessId, threadId: thread?.id, leadId: lead?.id, callId: call.id, actor: { kind: "twilio" } },
  );
  if (skipReason !== "own_number" && skipReason !== "ignored") {
    await notifyMissedCallInTx(tx, outbox, {
      businessId,
      threadId: thread?.id ?? null,
      phone: caller.phone,
      leadName: lead?.name ?? null,
      skipReason,
      isRepeat,
    });
    if (!call.isTest)
      await emitWebhookEventInTx(tx, outbox, {
        businessId,
        type: "call.missed",
        data: {
          callId: call.id,
          leadId: lead?.id ?? null,
          from: caller.phone,
          missReason: input.missReason,
          skipReason,
          at: detectedAt.toISOString(),
        },
      });
  }
  return { callId: call.id, isDuplicate: false, skipReason };
}
