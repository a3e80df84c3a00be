// "Call back" from the thread view: Twilio rings the professional's own phone and, when they pick up, bridges them
// to the customer with the business's number as caller ID (the customer sees the business, not a cell number).
// Calling is not texting: an opted-out lead can still be called back. Twilio reports the call's progress to
// /api/twilio/call-status, which the thread view follows. In simulator mode nothing dials out: the outbound Call and
// the Event are recorded, the simulated handset rings (answer or decline it there) and reports the same way.
import { db } from "@/lib/db/client";
import { newId } from "@/lib/db/new-id";
import { runTransaction } from "@/lib/db/run-transaction";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { logger, maskPhone } from "@/lib/log";
import { formatPhone } from "@/lib/telephony/phone";
import { postTwilioWebhook } from "@/lib/telephony/simulator/post-twilio-webhook";
import { SIMULATOR_ACCOUNT_SID, simulatedSid } from "@/lib/telephony/simulator/simulator-sids";
import { getTwilioClient } from "@/lib/telephony/twilio-client";
import { callbackUrl, voiceResponse } from "@/lib/telephony/twiml";

export function callBackTwiml({
  customerLabel,
  customerPhone,
  callerId,
}: {
  customerLabel: string;
  customerPhone: string;
  callerId: string;
}) {
  const response = voiceResponse();
  response.say(`Connecting you to ${customerLabel}.`);
  response.dial({ callerId, timeout: 30 }, customerPhone);
  return response.toString();
}

export async function callBack({
  businessId,
  threadId,
  userId,
}: {
  businessId: string;
  threadId: string;
  userId: string;
}) {
  const thread = await db.thread.findFirst({
    where: { id: threadId, businessId },
    select: { id: true, lead: { select: { id: true, phone: true, name: true } } },
  });
  if (!thread) throw new AppError("not_found", "Conversation not found.");
  const [membership, business] = await Promise.all([
    db.membership.findUnique({
      where: { userId_businessId: { userId, businessId } },
      select: { phone: true, role: true },
    }),
    db.business.findUniqueOrThrow({
      where: { id: businessId },
      select: { forwardTo: true, phoneNumbers: { orderBy: { createdAt: "asc" }, take: 1, select: { e164: true } } },
    }),
  ]);
  // The owner's forwarding number is their phone; a member is only ever rung on their own number.
  const professionalPhone = membership?.phone ?? (membership?.role === "owner" ? business.forwardTo : null);
  if (!professionalPhone) {
    throw new AppError(
      "conflict",
      "Add your phone number in Settings → Notifications & devices so Ringback can ring you first.",
    );
  }
  const businessNumber = business.phoneNumbers[0]?.e164;
  if (!businessNumber) throw new AppError("conflict", "This business has no Twilio number to call from.");

  const customerPhone = thread.lead.phone;
  const customerLabel = thread.lead.name?.trim() || formatPhone(customerPhone);
  const twiml = callBackTwiml({ customerLabel, customerPhone, callerId: businessNumber });
  const isSimulated = env().twilio.isSimulator;
  let callSid: string;
  let status: string;
  if (isSimulated) {
    callSid = simulatedSid("CA");
    status = "queued";
  } else {
    try {
      const call = await getTwilioClient().calls.create({
        to: professionalPhone,
        from: businessNumber,
        twiml,
        statusCallback: callbackUrl("call-status"),
        statusCallbackMethod: "POST",
        statusCallbackEvent: ["initiated", "ringing", "answered", "completed"],
      });
      callSid = call.sid;
      status = call.status ?? "queued";
    } catch (cause) {
      logger.error({ err: cause, to: maskPhone(professionalPhone) }, "call back failed");
      throw new AppError("service_unavailable", "Twilio could not place the call. Try again in a moment.");
    }
  }

  const call = await runTransaction(
    async (tx, outbox) => {
      const call = await tx
        .insertInto("Call")
        .values({
          id: newId(),
          businessId,
          leadId: thread.lead.id,
          threadId: thread.id,
          callSid,
          direction: "outbound",
          fromNumber: businessNumber,
          toNumber: customerPhone,
          status,
          updatedAt: new Date(),
        })
        .returning(["id", "callSid", "status", "createdAt"])
        .executeTakeFirstOrThrow();
      outbox.record(
        "call.call_back",
        { callSid, professionalPhone, customerPhone, businessNumber, simulated: isSimulated },
        { businessId, threadId: thread.id, leadId: thread.lead.id, callId: call.id, actor: { kind: "user", userId } },
      );
      return call;
    },
    { jobs: false },
  );
  if (isSimulated) {
    // The simulated handset starts ringing at once, reported as Twilio would.
    await postTwilioWebhook("/api/twilio/call-status", {
      AccountSid: SIMULATOR_ACCOUNT_SID,
      CallSid: callSid,
      CallStatus: "ringing",
      Direction: "outbound-api",
      ApiVersion: "2010-04-01",
    });
    call.status = "ringing";
  }
  return { call, professionalPhone, businessNumber, customerPhone, simulated: isSimulated };
}
