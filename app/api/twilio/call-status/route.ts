// POST /api/twilio/call-status — the number's StatusCallback (how a caller's call ended: completed, busy…) and the
// progress of a call Ringback placed (Call back: ringing, answered, ended).
// The handler lives in lib/telephony/webhooks (the simulator calls the same one through its table).
import { callStatusWebhook } from "@/lib/telephony/webhooks/call-status";

export const dynamic = "force-dynamic";

export const POST = callStatusWebhook;
