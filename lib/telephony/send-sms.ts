// Sends one SMS: through Twilio's REST API, or in simulator mode through the local transport. Callers cannot
// tell which one ran: both answer with a Twilio message sid and send status callbacks to the same route.
import type { MessageInstance } from "twilio/lib/rest/api/v2010/account/message";
import { env } from "@/lib/env";
import { classifySendError } from "@/lib/telephony/send-sms-error";
import { sendSimulatedSms } from "@/lib/telephony/simulator/simulator-transport";
import { getTwilioClient, withRetryAfter } from "@/lib/telephony/twilio-client";
import { callbackUrl } from "@/lib/telephony/twiml";

export type SmsToSend = { to: string; from: string; body: string };
export type SentSms = {
  sid: string;
  status: string;
  /** runs after the caller stored the sid (the simulator sends its status callbacks then) */
  afterStored?: () => Promise<void>;
};

/**
 * Where Twilio reports the message's status. Our message's id rides in the URL (which Twilio signs with the rest):
 * a callback can arrive before the create's answer has been read and the sid stored, and it still finds its message.
 */
export function messageStatusCallbackUrl(messageId: string): string {
  return callbackUrl("message-status", { messageId });
}

/** Throws SendSmsError (kind "retry" or "permanent"). `messageId` is our Message's id. */
export async function sendSms(sms: SmsToSend & { messageId: string }): Promise<SentSms> {
  if (env().twilio.isSimulator) return sendSimulatedSms(sms);
  const client = getTwilioClient();
  const { result, error, retryAfterSeconds } = await withRetryAfter(() =>
    client.messages.create({
      to: sms.to,
      from: sms.from,
      body: sms.body,
      statusCallback: messageStatusCallbackUrl(sms.messageId),
    }),
  );
  if (!result) throw classifySendError(error, retryAfterSeconds);
  return { sid: result.sid, status: result.status };
}

/** How far back before `since` a message at Twilio still counts as this one's earlier attempt (clock skew). */
const ADOPT_SKEW_MS = 60_000;
/** A conversation with more messages than this inside the window is not searched further (50 a page). */
const ADOPT_MAX_PAGES = 20;

/**
 * After an attempt whose outcome we never learned (crash, timeout), asks Twilio whether the message exists:
 * the same To/From and body created since `since`. Returns its sid so the caller adopts it instead of resending.
 * No DateSent filter: a message still queued or sending at Twilio has no date_sent, and such a filter would hide
 * exactly the message we are looking for. Twilio lists newest first (one not sent yet first of all), so the pages
 * are read until they reach messages older than the window.
 */
export async function findSentSms(sms: SmsToSend & { since: Date }): Promise<{ sid: string; status: string } | null> {
  if (env().twilio.isSimulator) return null; // the local transport has nothing in flight once the process is gone
  const client = getTwilioClient();
  const cutoff = sms.since.getTime() - ADOPT_SKEW_MS;
  const { result, error, retryAfterSeconds } = await withRetryAfter(async () => {
    let page: { instances: MessageInstance[]; nextPage(): Promise<typeof page> | undefined } | undefined =
      await client.messages.page({ to: sms.to, from: sms.from, pageSize: 50 });
    for (let pages = 1; page && pages <= ADOPT_MAX_PAGES; pages++) {
      for (const message of page.instances) {
        if (message.body === sms.body && message.dateCreated.getTime() >= cutoff) return message;
        // Sorted by date sent: everything after a message sent before the window was created before it too.
        if (message.dateSent && message.dateSent.getTime() < cutoff) return null;
      }
      page = await page.nextPage();
    }
    return null;
  });
  if (error !== undefined) throw classifySendError(error, retryAfterSeconds);
  return result ? { sid: result.sid, status: result.status } : null;
}
