// POST /api/twilio/voice — a call to one of our Twilio numbers: dial the professional, or (forwarded) it is missed.
// The handler lives in lib/telephony/webhooks (the simulator calls the same one through its table).
import { voiceWebhook } from "@/lib/telephony/webhooks/voice";

export const dynamic = "force-dynamic";

export const POST = voiceWebhook;
