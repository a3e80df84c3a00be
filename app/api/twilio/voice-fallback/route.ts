// POST /api/twilio/voice-fallback — the number's VoiceFallbackUrl: Twilio calls it when /api/twilio/voice failed
// (error answer or no answer, after its retries). It never touches the database, which may be what failed: the
// caller hears a polite greeting and can leave a voicemail, and a log line keeps the CallSid for reconciliation.
// The handler lives in lib/telephony/webhooks (the simulator calls the same one through its table).
import { voiceFallbackWebhook } from "@/lib/telephony/webhooks/voice-fallback";

export const dynamic = "force-dynamic";

export const POST = voiceFallbackWebhook;
