// POST /api/twilio/whisper — played to the professional before the call connects: "press 1 to take it".
// The handler lives in lib/telephony/webhooks (the simulator calls the same one through its table).
import { whisperWebhook } from "@/lib/telephony/webhooks/whisper";

export const dynamic = "force-dynamic";

export const POST = whisperWebhook;
