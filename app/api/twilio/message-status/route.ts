// POST /api/twilio/message-status — Twilio reports an outgoing message's delivery (sent, delivered, failed…).
// The handler lives in lib/telephony/webhooks (the simulator calls the same one through its table).
import { messageStatusWebhook } from "@/lib/telephony/webhooks/message-status";

export const dynamic = "force-dynamic";

export const POST = messageStatusWebhook;
