// The `send-message` job: sends one stored Message exactly once, across retries, crashes and instances.
// claim (queued → sending) → consent re-check → optional line-type check → look before resending → send.
import type { Job } from "pg-boss";
import { enqueue } from "@/lib/jobs/boss";
import { queues, type JobPayloads } from "@/lib/jobs/queues";
import { CLAIM_RENEW_AFTER_MS } from "@/lib/jobs/recovery-timing";
import { logger } from "@/lib/log";
import { deliveryErrorReasons } from "@/lib/telephony/apply-message-status";
import { claimMessage, renewClaim, type ClaimedMessage } from "@/lib/telephony/claim-message";
import { lookupLineType } from "@/lib/telephony/lookup-line-type";
import {
  recordMessageAccepted,
  recordMessageNotSent,
  releaseMessageForRetry,
} from "@/lib/telephony/record-send-outcome";
import { classifySendError, type SendSmsError } from "@/lib/telephony/send-sms-error";
import { findSentSms, sendSms, type SentSms } from "@/lib/telephony/send-sms";
import { simulatedSid } from "@/lib/telephony/simulator/simulator-sids";
import { isSetupTestPhone } from "@/lib/setup-test/test-caller";

export async function sendMessageJob({ messageId }: JobPayloads["send-message"], job?: Pick<Job, "retryCount">) {
  const claimed = await claimMessage(messageId);
  if (!claimed) return; // already sent or finished
  if ("heldForMs" in claimed) {
    // Another attempt holds it: alive, it sends it; gone (a crash), its claim goes stale and this picks it up then.
    await enqueue("send-message", { messageId }, { startAfter: new Date(Date.now() + claimed.heldForMs + 100) });
    return;
  }
  const { message, isRetry } = claimed;
  const claimedAt = performance.now();
  try {
    if (await shouldNotSend(message)) return;
    const sms = { to: message.toNumber, from: message.fromNumber, body: message.body };
    if (isSetupTestPhone(message.toNumber)) {
      // "Test my setup" texts its reserved test caller: the whole path runs, but nothing is handed to Twilio.
      await recordMessageAccepted(message, simulatedSid("SM"));
      return;
    }
    const existing = isRetry ? await findSentSms({ ...sms, since: message.createdAt }) : null;
    if (existing) logger.info({ messageId }, "adopting a message an earlier attempt already sent");
    if (!existing && performance.now() - claimedAt > CLAIM_RENEW_AFTER_MS && !(await renewClaim(message))) {
      // A Lookup or the look before a resend took a while, and meanwhile another attempt took the claim over.
      logger.info({ messageId }, "another attempt took the message over; not sending");
      return;
    }
    const sent: SentSms = existing ?? (await sendSms({ ...sms, messageId: message.id }));
    await recordMessageAccepted(message, sent.sid);
    await sent
      .afterStored?.()
      .catch((error: unknown) => logger.warn({ err: error, messageId }, "after-send hook failed"));
  } catch (error) {
    await handleSendFailure(message, classifySendError(error), job?.retryCount ?? 0);
  }
}

/** Consent is checked again right before sending: a STOP may have arrived after the message was queued. */
async function shouldNotSend(message: ClaimedMessage): Promise<boolean> {
  const isToCustomer = message.toNumber === message.lead.phone && message.purpose !== "escalation";
  // The opt-out's own confirmation goes to a number that is opted out by then, on purpose.
  if (isToCustomer && message.lead.isOptedOut && message.purpose !== "consent_reply") {
    await recordMessageNotSent(message, { status: "canceled", errorMessage: "opted_out", skipReason: "opted_out" });
    return true;
  }
  if (message.purpose === "auto_reply" && message.business.lookupEnabled) {
    const lineType = await lookupLineType(message.toNumber);
    if (lineType === "landline") {
      await recordMessageNotSent(message, { status: "canceled", errorMessage: "landline", skipReason: "landline" });
      return true;
    }
  }
  return false;
}

async function handleSendFailure(message: ClaimedMessage, error: SendSmsError, retryCount: number) {
  const log = { messageId: message.id, httpStatus: error.httpStatus, code: error.twilioCode };
  if (error.kind === "permanent") {
    logger.warn(log, "Twilio refused the message; not retrying");
    const reason = (error.twilioCode && deliveryErrorReasons[error.twilioCode]) || error.message;
    await recordMessageNotSent(message, { status: "failed", errorCode: error.twilioCode, errorMessage: reason });
    return;
  }
  if (retryCount >= queues.sendMessage.retryLimit) {
    logger.error(log, "giving up on a message after every retry");
    await recordMessageNotSent(message, {
      status: "failed",
      errorCode: error.twilioCode,
      errorMessage: `gave up: ${error.message}`,
    });
    return;
  }
  await releaseMessageForRetry(message, error);
  if (error.retryAfterSeconds) {
    // Twilio said when: a fresh job at that time (the claim keeps it exactly once) instead of pg-boss's backoff.
    const jobId = await enqueue("send-message", { messageId: message.id }, { startAfter: error.retryAfterSeconds });
    if (jobId) return;
  }
  throw error; // pg-boss retries with exponential backoff
}
