// POST /api/twilio/whisper-result — the professional's key press: 1 connects, anything else leaves the call missed.
// The handler lives in lib/telephony/webhooks (the simulator calls the same one through its table).
import { whisperResultWebhook } from "@/lib/telephony/webhooks/whisper-result";

export const dynamic = "force-dynamic";

export const POST = whisperResultWebhook;
