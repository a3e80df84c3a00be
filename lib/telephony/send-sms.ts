// Sends one SMS: through Twilio's REST API, or in simulator mode through the local transport. Callers cannot
// tell which one ran: both answer with a Twilio message sid and send status callbacks to the same route.
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

export function messageStatusCallbackUrl(): string {
  return callbackUrl("message-status");
}

/** Throws SendSmsError (kind "retry" or "permanent"). */
export async function sendSms(sms: SmsToSend): Promise<SentSms> {
  if (env().twilio.isSimulator) return sendSimulatedSms(sms);
  const client = getTwilioClient();
  const { result, error, retryAfterSeconds } = await withRetryAfter(() =>
    client.messages.create({ to: sms.to, from: sms.from, body: sms.body, statusCallback: messageStatusCallbackUrl() }),
  );
  if (!result) throw classifySendError(error, retryAfterSeconds);
  return { sid: result.sid, status: result.status };
}

/**
 * After an attempt whose outcome we never learned (crash, timeout), asks Twilio whether the message exists:
 * the same To/From and body sent since `since`. Returns its sid so the caller adopts it instead of resending.
 */
export async function findSentSms(sms: SmsToSend & { since: Date }): Promise<{ sid: string; status: string } | null> {
  if (env().twilio.isSimulator) return null; // the local transport has nothing in flight once the process is gone
  const client = getTwilioClient();
  const { result, error, retryAfterSeconds } = await withRetryAfter(() =>
    client.messages.list({
      to: sms.to,
      from: sms.from,
      dateSentAfter: new Date(sms.since.getTime() - 60_000),
      limit: 50,
    }),
  );
  if (!result) throw classifySendError(error, retryAfterSeconds);
  const match = result.find((message) => message.body === sms.body);
  return match ? { sid: match.sid, status: match.status } : null;
}
