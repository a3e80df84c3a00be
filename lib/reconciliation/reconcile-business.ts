// One business's reconciliation with Twilio's own records. For each of its numbers:
//   calls: Twilio's Calls list (incoming to the number, started since the checkpoint less a safety overlap) against
//     Ringback's calls. A call Ringback never saw, or saw start but never saw end, is decided from Twilio's record
//     (decide-found-call.ts): a missed one goes through the webhook's own missed-call unit of work (repeat window,
//     opt-out, ignore list; its text says "earlier"; past the horizon recorded, not texted), marked as found by
//     reconciliation; an answered one is recorded as answered. Calls still ringing or in progress wait for a later
//     run: the checkpoint never passes them.
//   messages: Twilio's Messages list (sent to the number since the checkpoint less the overlap), inbound only. A text
//     Ringback never stored is stored and processed as if its webhook had come, with its media (an MMS's items from
//     the message's Media list, stored as the webhook's MediaUrlN and MediaContentTypeN would be).
// What Ringback knows of the listed calls and texts is read in one query per number's list, not one per record.
// Idempotent on CallSid and MessageSid: the same units of work a webhook runs decide under the call's row lock and
// the unique MessageSid, so a late webhook and a run, or two runs, never double anything.
import { getBusinessProfile } from "@/lib/business/business-profile";
import { handleMissedCallInTx } from "@/lib/calls/handle-missed-call";
import { lockCallInTx } from "@/lib/calls/lock-call";
import { recordAnsweredCallInTx } from "@/lib/calls/record-answered-call";
import { receiveInboundMessage } from "@/lib/conversations/receive-inbound-message";
import { db } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import { decideFoundCall, hasEnded, needsDialLegs } from "@/lib/reconciliation/decide-found-call";
import {
  listCallsTo,
  listDialLegs,
  listInboundMessagesTo,
  listMessageMedia,
  type TwilioCall,
  type TwilioInboundMessage,
} from "@/lib/reconciliation/twilio-records";

/** Read again behind each checkpoint: Twilio's lists are eventually consistent and clocks differ. */
export const SAFETY_OVERLAP_MS = 15 * 60_000;
/** How long an MMS whose media could not be listed waits for a later run, before it is stored without them. */
export const MEDIA_RETRY_WINDOW_MS = 60 * 60_000;

export type ReconcileResult = {
  callsRead: number;
  /** missed calls found and handled now (texted, or recorded with their skip reason) */
  callsRecovered: number;
  /** of those, how many got an auto-text queued */
  callsTexted: number;
  answeredRecorded: number;
  messagesRecovered: number;
};

export async function reconcileBusiness(businessId: string, { now = new Date() } = {}): Promise<ReconcileResult> {
  const business = await getBusinessProfile(businessId);
  const { reconcileHorizonHours } = env().twilio;
  const horizonStart = new Date(now.getTime() - reconcileHorizonHours * 3_600_000);
  const state = await db.twilioReconciliation.findUnique({ where: { businessId } });
  const readFrom = (checkpoint: Date | null | undefined) =>
    checkpoint ? new Date(checkpoint.getTime() - SAFETY_OVERLAP_MS) : horizonStart;
  const result: ReconcileResult = {
    callsRead: 0,
    callsRecovered: 0,
    callsTexted: 0,
    answeredRecorded: 0,
    messagesRecovered: 0,
  };

  // Calls. The checkpoint moves to when this run listed, or to the start of the oldest call still going.
  const callsListedAt = new Date();
  let callsCheckpoint: Date | null = callsListedAt;
  for (const number of business.phoneNumbers) {
    const { items, isComplete } = await listCallsTo({ to: number, since: readFrom(state?.callsCheckpoint) });
    if (!isComplete) callsCheckpoint = null; // the oldest pages are unread: the next run reads them
    const callerCalls = items
      .filter((call) => call.direction === "inbound" && !call.parentCallSid && call.to === number)
      .sort((a, b) => (a.startTime?.getTime() ?? 0) - (b.startTime?.getTime() ?? 0));
    result.callsRead += callerCalls.length;
    const ended = callerCalls.filter((call) => {
      if (hasEnded(call)) return true;
      const started = call.startTime ?? callsListedAt;
      if (callsCheckpoint && started < callsCheckpoint) callsCheckpoint = started;
      return false;
    });
    const known = await knownCalls(ended.map((call) => call.sid));
    for (const call of ended) {
      await reconcileCall(business, call, { known: known.get(call.sid) ?? null, horizonStart, result });
    }
  }

  // Inbound messages.
  const messagesListedAt = new Date();
  let messagesCheckpoint: Date | null = messagesListedAt;
  for (const number of business.phoneNumbers) {
    const { items, isComplete } = await listInboundMessagesTo({
      to: number,
      since: readFrom(state?.messagesCheckpoint),
    });
    if (!isComplete) messagesCheckpoint = null;
    const stored = new Set(
      (
        await db.message.findMany({
          where: { messageSid: { in: items.map((message) => message.sid) } },
          select: { messageSid: true },
        })
      ).map((message) => message.messageSid),
    );
    const missing = items.filter((message) => !stored.has(message.sid)).reverse(); // oldest first
    for (const message of missing) {
      const media = await mediaOfFoundMessage(businessId, message, now);
      if (media === "later") {
        // Its media could not be listed just now: the next run reads from before it and tries again.
        if (!message.dateSent) messagesCheckpoint = null;
        else if (messagesCheckpoint && message.dateSent < messagesCheckpoint) messagesCheckpoint = message.dateSent;
        continue;
      }
      const received = await receiveInboundMessage({
        messageSid: message.sid,
        from: message.from,
        to: message.to,
        body: message.body,
        ...media,
        receivedAt: message.dateSent ?? undefined,
      });
      if (received.outcome === "stored") result.messagesRecovered += 1;
    }
  }

  await db.twilioReconciliation.upsert({
    where: { businessId },
    create: {
      businessId,
      callsCheckpoint,
      messagesCheckpoint,
      lastRunAt: now,
      lastRunOk: true,
      lastCallsRecovered: result.callsRecovered,
      lastMessagesRecovered: result.messagesRecovered,
    },
    update: {
      ...(callsCheckpoint ? { callsCheckpoint } : {}),
      ...(messagesCheckpoint ? { messagesCheckpoint } : {}),
      lastRunAt: now,
      lastRunOk: true,
      lastError: null,
      lastCallsRecovered: result.callsRecovered,
      lastMessagesRecovered: result.messagesRecovered,
    },
  });
  if (result.callsRecovered || result.messagesRecovered || result.answeredRecorded) {
    logger.info({ businessId, ...result }, "reconciliation with Twilio recovered what its webhooks never brought");
  }
  return result;
}

type Business = Awaited<ReturnType<typeof getBusinessProfile>>;
type KnownCall = { detectedAt: Date | null; isMissed: boolean | null; screenedAt: Date | null };

/** What Ringback holds of these calls, by CallSid: one query for a number's whole list. */
async function knownCalls(callSids: string[]): Promise<Map<string, KnownCall>> {
  if (callSids.length === 0) return new Map();
  const rows = await db.call.findMany({
    where: { callSid: { in: callSids } },
    select: { callSid: true, detectedAt: true, isMissed: true, screenedAt: true },
  });
  return new Map(rows.map(({ callSid, ...known }) => [callSid, known]));
}

/**
 * The media of a text found late: none for a plain SMS; for an MMS, its items from the message's Media list. When
 * that list cannot be read, the text waits for a later run ("later": not stored now, the checkpoint stays before
 * it) as long as it is younger than MEDIA_RETRY_WINDOW_MS, because a text stored once is never read again, and
 * its photos would be lost for good over a passing error. Past that window it is stored without its media (and a
 * warning is logged): the customer's words must not wait on a failure that does not pass.
 */
async function mediaOfFoundMessage(
  businessId: string,
  message: TwilioInboundMessage,
  now: Date,
): Promise<{ mediaUrls: string[]; mediaContentTypes: string[] } | "later"> {
  if (message.numMedia === 0) return { mediaUrls: [], mediaContentTypes: [] };
  try {
    return await listMessageMedia(message.sid);
  } catch (error) {
    const sentAt = message.dateSent ?? now;
    const canWait = now.getTime() - sentAt.getTime() < MEDIA_RETRY_WINDOW_MS;
    logger.warn(
      { businessId, messageSid: message.sid, numMedia: message.numMedia, err: error },
      canWait
        ? "reconciliation could not list a found text's media; the next run tries again"
        : "reconciliation could not list a found text's media; stored without them",
    );
    return canWait ? "later" : { mediaUrls: [], mediaContentTypes: [] };
  }
}

async function reconcileCall(
  business: Business,
  call: TwilioCall,
  { known, horizonStart, result }: { known: KnownCall | null; horizonStart: Date; result: ReconcileResult },
) {
  if (known && (known.detectedAt !== null || known.isMissed !== null)) return; // Ringback saw it end
  const dialLegs = needsDialLegs(business, call) ? await listDialLegs(call.sid) : [];
  const outcome = decideFoundCall({ business, call, dialLegs, wasScreened: Boolean(known?.screenedAt) });
  const startedAt = call.startTime ?? call.endTime ?? new Date();
  const ids = { businessId: business.id, callSid: call.sid, from: call.from, to: call.to };
  if (!outcome.isMissed) {
    await runTransaction(async (tx, outbox) => {
      const locked = await lockCallInTx(tx, ids);
      await recordAnsweredCallInTx(tx, outbox, locked, {
        callSid: call.sid,
        from: call.from,
        dialStatus: outcome.dialStatus,
        dialDurationSec: outcome.dialDurationSec,
      });
    });
    result.answeredRecorded += 1;
    return;
  }
  const handled = await runTransaction((tx, outbox) =>
    handleMissedCallInTx(tx, outbox, {
      business,
      callSid: call.sid,
      from: call.from,
      to: call.to,
      missReason: outcome.missReason,
      dialStatus: outcome.dialStatus,
      dialDurationSec: outcome.dialDurationSec,
      found: { startedAt, isBeyondHorizon: startedAt < horizonStart },
    }),
  );
  if (handled.isDuplicate) return;
  result.callsRecovered += 1;
  if (handled.skipReason === null) result.callsTexted += 1;
}
