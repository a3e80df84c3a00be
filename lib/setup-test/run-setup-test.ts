// "Test my setup": a signed missed call from a reserved test caller through the real webhook routes (voice, then
// the Dial action with no-answer), then checks that the call, lead and thread were stored, the auto-SMS was sent
// by the send job (which never hands test-caller messages to Twilio) and the members were notified. Each step
// reports ok/failed with its time. The test thread is closed afterwards so nothing escalates or follows up.
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { postTwilioWebhook } from "@/lib/telephony/simulator/post-twilio-webhook";
import { SIMULATOR_ACCOUNT_SID, simulatedSid } from "@/lib/telephony/simulator/simulator-sids";
import { checkTeamNotified } from "@/lib/setup-test/check-team-notified";
import { newSetupTestCaller } from "@/lib/setup-test/test-caller";

export type SetupTestStep = {
  key: string;
  label: string;
  ok: boolean;
  /** passed, but something deserves a look (e.g. a member whose phone will not be notified) */
  isWarning?: boolean;
  ms: number;
  detail: string;
};

type StepOutcome = { ok: boolean; isWarning?: boolean; detail: string };

const sentStatuses = ["sent", "delivered"];
const failedStatuses = ["failed", "canceled", "undelivered"];

async function timed(key: string, label: string, run: () => Promise<StepOutcome>): Promise<SetupTestStep> {
  const started = performance.now();
  try {
    const outcome = await run();
    return { key, label, ms: Math.round(performance.now() - started), ...outcome };
  } catch (error) {
    return {
      key,
      label,
      ok: false,
      ms: Math.round(performance.now() - started),
      detail: error instanceof Error ? error.message : String(error),
    };
  }
}

async function poll<T>(check: () => Promise<T | null>, timeoutMs: number): Promise<T | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value || Date.now() >= deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export async function runSetupTest({
  businessId,
  sendTimeoutMs = 10_000,
}: {
  businessId: string;
  sendTimeoutMs?: number;
}) {
  const steps: SetupTestStep[] = [];
  const from = newSetupTestCaller();
  const callSid = simulatedSid("CA");
  let businessNumber: string | undefined;
  let voiceTwiml = "";
  let call: {
    id: string;
    threadId: string | null;
    leadId: string | null;
    autoReplyMessageId: string | null;
    isMissed: boolean | null;
    isTest: boolean;
    skipReason: string | null;
  } | null = null;

  const finish = async () => {
    // The test conversation is over: closed threads are never escalated, followed up or answered by the AI.
    if (call?.threadId) {
      await db.thread.updateMany({
        where: { id: call.threadId, businessId },
        data: { mode: "closed", closedAt: new Date(), isWaitingOnPerson: false },
      });
    }
    return { ok: steps.every((step) => step.ok), caller: from, callSid, steps };
  };

  steps.push(
    await timed("config", "Twilio number and public URL", async () => {
      const number = await db.phoneNumber.findFirst({
        where: { businessId },
        orderBy: { createdAt: "asc" },
        select: { e164: true },
      });
      businessNumber = number?.e164;
      const { publicBaseUrl, twilio } = env();
      if (!businessNumber) return { ok: false, detail: "This business has no Twilio number yet." };
      if (!twilio.isSimulator && !publicBaseUrl.startsWith("https://")) {
        return { ok: false, detail: `PUBLIC_BASE_URL is ${publicBaseUrl}: Twilio needs a public https URL.` };
      }
      return {
        ok: true,
        detail: `${businessNumber}; webhooks at ${publicBaseUrl}/api/twilio/voice${twilio.isSimulator ? " (simulator mode)" : ""}`,
      };
    }),
  );
  if (!steps[0]!.ok || !businessNumber) return finish();

  const common = {
    AccountSid: env().twilio.accountSid ?? SIMULATOR_ACCOUNT_SID,
    CallSid: callSid,
    From: from,
    To: businessNumber,
    Direction: "inbound",
    ApiVersion: "2010-04-01",
  };

  steps.push(
    await timed("voice", "Ringback answers the call", async () => {
      const answer = await postTwilioWebhook("/api/twilio/voice", { ...common, CallStatus: "ringing" });
      voiceTwiml = answer.body;
      if (answer.status !== 200) return { ok: false, detail: `The voice webhook answered HTTP ${answer.status}.` };
      if (!/<Response>[\s\S]*<(Dial|Record)\b/.test(voiceTwiml))
        return { ok: false, detail: "Ringback neither rang your phone nor offered voicemail." };
      return {
        ok: true,
        detail: voiceTwiml.includes("<Dial") ? "Rings your phone first." : "Straight to the greeting and voicemail.",
      };
    }),
  );
  if (!steps[1]!.ok) return finish();

  steps.push(
    await timed("missed", "The missed call is saved with its lead and conversation", async () => {
      if (voiceTwiml.includes("<Dial")) {
        const dial = await postTwilioWebhook("/api/twilio/dial-action", {
          ...common,
          CallStatus: "in-progress",
          DialCallStatus: "no-answer",
          DialCallDuration: "0",
        });
        if (dial.status !== 200) return { ok: false, detail: `The Dial action webhook answered HTTP ${dial.status}.` };
      }
      call = await db.call.findFirst({
        where: { callSid, businessId },
        select: {
          id: true,
          threadId: true,
          leadId: true,
          autoReplyMessageId: true,
          isMissed: true,
          isTest: true,
          skipReason: true,
        },
      });
      if (!call) return { ok: false, detail: "No call was stored." };
      if (!call.isTest) return { ok: false, detail: "The call was not marked as a test call." };
      if (!call.isMissed) return { ok: false, detail: "The call was not recorded as missed." };
      if (!call.leadId || !call.threadId)
        return { ok: false, detail: `No lead or thread${call.skipReason ? ` (skipped: ${call.skipReason})` : ""}.` };
      return { ok: true, detail: "Call, lead and conversation stored." };
    }),
  );
  if (!steps[2]!.ok) return finish();

  steps.push(
    await timed("sms", "The auto-text goes out", async () => {
      const messageId = call?.autoReplyMessageId;
      if (!messageId) return { ok: false, detail: "No auto-text was queued (check the auto-reply settings)." };
      const message = await poll(async () => {
        const found = await db.message.findUnique({
          where: { id: messageId },
          select: { status: true, messageSid: true, errorMessage: true },
        });
        return found && [...sentStatuses, ...failedStatuses].includes(found.status) ? found : null;
      }, sendTimeoutMs);
      if (!message)
        return {
          ok: false,
          detail: `Still queued after ${Math.round(sendTimeoutMs / 1000)} s: is the background worker running?`,
        };
      if (!sentStatuses.includes(message.status))
        return {
          ok: false,
          detail: `The text was not sent (${message.status}${message.errorMessage ? `: ${message.errorMessage}` : ""}).`,
        };
      return { ok: true, detail: "Sent (to the test caller, so nothing actually left)." };
    }),
  );

  steps.push(await timed("push", "Team notified", () => checkTeamNotified({ businessId, threadId: call!.threadId! })));
  return finish();
}
