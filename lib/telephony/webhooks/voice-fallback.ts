// POST /api/twilio/voice-fallback — the number's VoiceFallbackUrl: Twilio calls it when /api/twilio/voice failed
// (error answer or no answer, after its retries). It never touches the database, which may be what failed: the
// caller hears a polite greeting and can leave a voicemail, and a log line keeps the CallSid for reconciliation.
import { logger, maskPhone } from "@/lib/log";
import { fallbackGreetingAndVoicemail } from "@/lib/telephony/twiml";
import { twilioWebhook } from "@/lib/telephony/twilio-webhook";
import { voiceFallbackParamsSchema } from "@/lib/telephony/webhook-schemas";

export const voiceFallbackWebhook = twilioWebhook(
  async ({ params }) => {
    // A caller is on the line whatever the parameters say: odd ones are logged, never a reason to hang up.
    const parsed = voiceFallbackParamsSchema.safeParse(params);
    const input = parsed.success ? parsed.data : null;
    logger.warn(
      {
        callSid: input?.CallSid ?? null,
        from: maskPhone(input?.From),
        to: maskPhone(input?.To),
        errorCode: input?.ErrorCode,
        errorUrl: input?.ErrorUrl,
        isUnexpected: !parsed.success,
      },
      "voice fallback answered a call: the voice webhook failed; reconciliation will recover it",
    );
    return fallbackGreetingAndVoicemail();
  },
  { isDatabaseFree: true },
);
