// A missed call, in ONE transaction: the Call (idempotent on CallSid), the lead and thread, the auto-SMS queued
// as a durable job (unless a skip rule applies, recorded with its reason), the members notified, CRM webhooks
// and the log. The webhook answers right after; sending happens in the send-message job.
import type { CallSkipReason, Prisma } from "@prisma/client";
import { autoReplyLanguageFor, renderAutoReply } from "@/lib/business/auto-reply-template";
import { classifyCallerInTx } from "@/lib/calls/classify-caller";
import { lockCallInTx } from "@/lib/calls/lock-call";
import { notifyMissedCallInTx } from "@/lib/calls/notify-missed-call";
import { openThread } from "@/lib/conversations/open-thread";
import { scheduleFollowUp } from "@/lib/conversations/follow-up";
import { queueOutgoingMessageInTx } from "@/lib/conversations/queue-outgoing-message";
import { runTransaction } from "@/lib/db/run-transaction";
import { getBoss } from "@/lib/jobs/boss";
import { publishRecordedEvents, recordEvent } from "@/lib/events/record-event";
import { emitWebhookEventInTx } from "@/lib/webhooks/emit-webhook-event";

export type MissedCallInput = {
  businessId: string;
  callSid: string;
  from: string;
  to: string;
  /** no-answer | busy | failed | canceled | short_answer | not_screened | forwarded | no_forward_to */
  missReason: string;
  dialStatus?: string;
  dialDurationSec?: number;
};

export type MissedCallResult = { callId: string; isDuplicate: boolean; skipReason: CallSkipReason | null };

export async function handleMissedCall(input: MissedCallInput): Promise<MissedCallResult> {
  await getBoss(); // the job queue must be up before the transaction that enqueues into it opens
  const { result, events } = await runTransaction((tx) => handleMissedCallInTx(tx, input));
  await publishRecordedEvents(events);
  return result;
}

async function handleMissedCallInTx(tx: Prisma.TransactionClient, input: MissedCallInput) {
  const { businessId } = input;
  const call = await lockCallInTx(tx, input);
  if (call.detectedAt)
    return { result: { callId: call.id, isDuplicate: true, skipReason: call.skipReason }, events: [] };
  const detectedAt = new Date();
  const caller = await classifyCallerInTx(tx, { businessId, from: input.from });
  let skipReason: CallSkipReason | null = caller.skipReason;
  const events = [];
  let thread: { id: string } | null = null;
  let lead: { id: string; isOptedOut: boolean } | null = null;
  let autoReplyMessageId: string | null = null;
  let isRepeat = false;

  // Anonymous, invalid and own numbers make no lead (there is nobody to text); ignored numbers neither.
  if (caller.phone && !skipReason) {
    const existingLead = await tx.lead.findUnique({
      where: { businessId_phone: { businessId, phone: caller.phone } },
      select: { id: true, language: true, languageSource: true },
    });
    const opened = await openThread(tx, { businessId, phone: caller.phone, source: "call" });
    ({ lead, thread } = opened);
    // "Test my setup" calls run the whole path but never reach the business's CRM.
    if (!existingLead && !call.isTest)
      await emitWebhookEventInTx(tx, {
        businessId,
        type: "lead.created",
        data: { leadId: lead.id, phone: caller.phone, source: "call" },
      });
    const business = await tx.business.findUniqueOrThrow({
      where: { id: businessId },
      select: {
        name: true,
        autoReplyTemplate: true,
        autoReplyTemplateEs: true,
        autoReplyLanguage: true,
        bookingUrl: true,
        repeatWindowMinutes: true,
      },
    });
    const previousAutoReply = await tx.message.findFirst({
      where: {
        businessId,
        toNumber: caller.phone,
        purpose: "auto_reply",
        status: { notIn: ["failed", "canceled", "undelivered"] },
        createdAt: { gte: new Date(detectedAt.getTime() - business.repeatWindowMinutes * 60_000) },
      },
      select: { id: true },
    });
    if (lead.isOptedOut) skipReason = "opted_out";
    else if (previousAutoReply) {
      skipReason = "repeat_caller";
      isRepeat = true;
    } else {
      const body = renderAutoReply({
        template: business.autoReplyTemplate,
        templateEs: business.autoReplyTemplateEs,
        language: autoReplyLanguageFor(business.autoReplyLanguage, existingLead),
        businessName: business.name,
        bookingUrl: business.bookingUrl,
        callerNumber: caller.phone,
      });
      const queued = await queueOutgoingMessageInTx(tx, {
        businessId,
        threadId: thread.id,
        body,
        purpose: "auto_reply",
        authorKind: "system",
      });
      autoReplyMessageId = queued.message.id;
      events.push(queued.event);
      await tx.thread.update({ where: { id: thread.id }, data: { autoTextedAt: detectedAt } });
      await scheduleFollowUp({ tx, threadId: thread.id });
    }
  }

  await tx.call.update({
    where: { id: call.id },
    data: {
      status: "missed",
      isMissed: true,
      missReason: input.missReason,
      dialStatus: input.dialStatus ?? call.dialStatus,
      dialDurationSec: input.dialDurationSec ?? call.dialDurationSec,
      detectedAt,
      skipReason,
      isRepeat,
      leadId: lead?.id ?? null,
      threadId: thread?.id ?? null,
      autoReplyMessageId,
    },
  });
  if (thread) await tx.thread.update({ where: { id: thread.id }, data: { lastMessageAt: detectedAt } });
  events.push(
    await recordEvent(
      {
        businessId,
        threadId: thread?.id ?? null,
        leadId: lead?.id ?? null,
        callId: call.id,
        type: "call.missed",
        actor: { kind: "twilio" },
        payload: { callSid: input.callSid, missReason: input.missReason, skipReason, isRepeat, autoReplyMessageId },
      },
      tx,
    ),
  );
  if (skipReason !== "own_number" && skipReason !== "ignored") {
    await notifyMissedCallInTx(tx, {
      businessId,
      threadId: thread?.id ?? null,
      phone: caller.phone,
      skipReason,
      isRepeat,
    });
    if (!call.isTest)
      await emitWebhookEventInTx(tx, {
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
  return { result: { callId: call.id, isDuplicate: false, skipReason }, events };
}
