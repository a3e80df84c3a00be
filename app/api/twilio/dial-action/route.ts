// POST /api/twilio/dial-action — the professional's leg ended: answered, or missed (auto-SMS + voicemail greeting).
// The handler lives in lib/telephony/webhooks (the simulator calls the same one through its table).
import { dialActionWebhook } from "@/lib/telephony/webhooks/dial-action";

export const dynamic = "force-dynamic";

export const POST = dialActionWebhook;
