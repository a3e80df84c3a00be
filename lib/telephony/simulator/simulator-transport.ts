// The simulator's "Twilio": an outgoing SMS is accepted at once (an SM… sid) and lands in the simulator outbox,
// which is simply the stored Message. Its status callbacks (sent, delivered) then arrive through the real,
// signature-checked /api/twilio/message-status route, exactly as Twilio's would.
import { logger } from "@/lib/log";
import { postTwilioWebhook } from "@/lib/telephony/simulator/post-twilio-webhook";
import { SIMULATOR_ACCOUNT_SID, simulatedSid } from "@/lib/telephony/simulator/simulator-sids";
import type { SentSms, SmsToSend } from "@/lib/telephony/send-sms";

export async function sendSimulatedSms(sms: SmsToSend): Promise<SentSms> {
  const sid = simulatedSid("SM");
  const afterStored = async () => {
    for (const status of ["sent", "delivered"]) {
      const answer = await postTwilioWebhook("/api/twilio/message-status", {
        AccountSid: SIMULATOR_ACCOUNT_SID,
        MessageSid: sid,
        SmsSid: sid,
        MessageStatus: status,
        SmsStatus: status,
        To: sms.to,
        From: sms.from,
        ApiVersion: "2010-04-01",
      });
      if (answer.status >= 300) logger.warn({ status: answer.status }, "simulator status callback refused");
    }
  };
  return { sid, status: "queued", afterStored };
}
